/// The person trying a password, as the back end that faces people names them: their address or
/// another stable identifier it holds for them.
///
/// Failed password logins and the password lock are kept per phone and client, so one person's
/// wrong passwords never lock another's. Calls that name no client share one key per phone.
public struct LoginClient: Sendable, Hashable {
    /// The stored key: the identifier, or empty for calls that named none (a named client never is).
    public let key: String

    public static let maxLength = 128

    /// The key of calls that name no client.
    public static let unnamed = LoginClient(uncheckedKey: "")

    private init(uncheckedKey: String) { key = uncheckedKey }

    /// The client named by `text`, or the reason it is refused (`empty`, `too_long`, `format`).
    public static func parse(_ text: String) -> Result<LoginClient, LoginClientError> {
        if let problem = problem(with: text) { return .failure(problem) }
        return .success(LoginClient(uncheckedKey: text))
    }

    /// Why `text` cannot name a client: 1 to 128 printable ASCII characters (space to tilde).
    public static func problem(with text: String) -> LoginClientError? {
        let scalars = text.unicodeScalars
        if scalars.isEmpty { return .empty }
        if scalars.count > maxLength { return .tooLong }
        return scalars.allSatisfy { (0x20...0x7E).contains($0.value) } ? nil : .format
    }

    /// The identifier as given, nil for calls that named none.
    public var name: String? { key.isEmpty ? nil : key }
}

/// Why a `client` param is refused; `reason` is its `data.fields` reason.
public enum LoginClientError: String, Error, Sendable {
    case empty
    case tooLong = "too_long"
    case format

    public var reason: String { rawValue }
}
