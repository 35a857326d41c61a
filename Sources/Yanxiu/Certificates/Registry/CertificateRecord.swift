import JSONValues

/// One issued certificate as the daemon keeps it.
public struct CertificateRecord: Sendable, Hashable {
    public let serial: CertificateSerial
    public let accountID: Int64
    public let topicId: String
    /// The signed document in canonical form, byte for byte as issued.
    public let canonical: String
    public let issuedAt: Int64
    public let revocation: Revocation?

    /// When and why a certificate was revoked.
    public struct Revocation: Sendable, Hashable {
        public let at: Int64
        public let reason: String

        public init(at: Int64, reason: String) {
            self.at = at
            self.reason = reason
        }
    }

    public init(serial: CertificateSerial, accountID: Int64, topicId: String, canonical: String, issuedAt: Int64, revocation: Revocation?) {
        self.serial = serial
        self.accountID = accountID
        self.topicId = topicId
        self.canonical = canonical
        self.issuedAt = issuedAt
        self.revocation = revocation
    }

    /// The document as JSON.
    public var document: JSONValue {
        // Stored by the daemon itself from canonical output, so it always parses.
        (try? JSONParser.parse(canonical)) ?? .null
    }
}
