import GRDB
import JSONRPC

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
    }

    /// The document as JSON.
    public var document: JSONValue {
        // Stored by the daemon itself from canonical output, so it always parses.
        (try? JSONParser.parse(canonical)) ?? .null
    }

    static let selection = """
        SELECT c.serial_number, c.account_id, c.topic_id, c.document, c.issued_at, c.revoked_at, r.reason
        FROM certificate c LEFT JOIN certificate_revocation r ON r.serial_number = c.serial_number
        """

    init(row: Row) {
        serial = CertificateSerial(number: UInt64(row["serial_number"] as Int64))!
        accountID = row["account_id"]
        topicId = row["topic_id"]
        canonical = row["document"]
        issuedAt = row["issued_at"]
        if let at = row["revoked_at"] as Int64? {
            revocation = Revocation(at: at, reason: row["reason"] ?? "")
        } else {
            revocation = nil
        }
    }
}
