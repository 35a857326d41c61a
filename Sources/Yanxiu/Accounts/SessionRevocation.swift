import Foundation

/// A session, or every session of an account, ended: what one daemon tells the others, so that
/// their session caches forget it (the payload of a PostgreSQL notification).
public enum SessionRevocation: Sendable, Equatable {
    case session(tokenHash: Data)
    case account(Int64)

    /// The token hash in lower-case hex, or `account:<id>`.
    public var payload: String {
        switch self {
        case .session(let tokenHash): tokenHash.map { String(format: "%02x", $0) }.joined()
        case .account(let id): "account:\(id)"
        }
    }

    /// Reads a payload; nil for anything that is not one.
    public init?(payload: String) {
        if payload.hasPrefix("account:") {
            guard let id = Int64(payload.dropFirst("account:".count)) else { return nil }
            self = .account(id)
            return
        }
        let digits = Array(payload.utf8)
        guard !digits.isEmpty, digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let high = Self.nibble(digits[index]), let low = Self.nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
        }
        self = .session(tokenHash: Data(bytes))
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
