import JSONValues

/// Where a certificate's revocation bit lives: a list and an index in it.
public struct CertificateStatusEntry: Sendable, Hashable {
    public static let entryType = "BitstringStatusListEntry"
    public static let listCredentialType = "BitstringStatusListCredential"
    public static let listType = "BitstringStatusList"
    public static let purpose = "revocation"

    /// The list's number in this database, from 1.
    public var listID: Int64
    public var index: Int
    /// The list credential's `id`, which the entry names as `statusListCredential`.
    public var listURL: String

    public init(listID: Int64, index: Int, listURL: String) {
        self.listID = listID
        self.index = index
        self.listURL = listURL
    }

    /// The `credentialStatus` member of a certificate (`statusListIndex` is a string, as the
    /// specification has it).
    public var json: JSONValue {
        [
            "id": .string("\(listURL)#\(index)"), "type": .string(Self.entryType), "statusPurpose": .string(Self.purpose),
            "statusListIndex": .string(String(index)), "statusListCredential": .string(listURL),
        ]
    }

    /// The entry a certificate carries, or nil when it has none (issued before status lists)
    /// or it is not a revocation entry of the bitstring kind.
    public static func of(_ document: JSONValue) -> (index: Int, listURL: String)? {
        guard let status = document["credentialStatus"], status["type"]?.stringValue == entryType,
              status["statusPurpose"]?.stringValue == purpose,
              let text = status["statusListIndex"]?.stringValue, let index = Int(text), index >= 0, String(index) == text,
              let url = status["statusListCredential"]?.stringValue
        else { return nil }
        return (index, url)
    }
}

/// The addresses of status list credentials: beside the verification page when its address
/// is configured (`…/verify/status-1.json`), else a URN (`urn:yanxiu:status-list:1`).
public struct StatusListAddress: Sendable, Hashable {
    public let verificationURL: String?

    public init(verificationURL: String?) { self.verificationURL = verificationURL }

    public func url(forList list: Int64) -> String {
        guard var base = verificationURL else { return "urn:yanxiu:status-list:\(list)" }
        // The page's folder: drop a query, then anything after the last slash.
        if let query = base.firstIndex(where: { $0 == "?" || $0 == "#" }) { base = String(base[..<query]) }
        if let slash = base.lastIndex(of: "/"), base.distance(from: base.startIndex, to: slash) > "https://".count - 1 {
            base = String(base[...slash])
        } else {
            base += "/"
        }
        return base + "status-\(list).json"
    }
}
