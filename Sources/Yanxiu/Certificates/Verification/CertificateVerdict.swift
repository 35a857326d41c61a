import JSONValues

/// The answer of `certificate.verify`: valid, or why not, with what the daemon knows of it.
public struct CertificateVerdict: Sendable {
    /// Why a certificate is not valid; the raw values are the wire's stable reasons.
    public enum Failure: String, Sendable {
        /// The proof does not verify against any key the daemon has issued with.
        case signatureInvalid = "signature.invalid"
        /// No certificate with this serial was issued.
        case unknown = "certificate.unknown"
        case revoked = "certificate.revoked"
        /// The document differs from the one issued under its serial.
        case altered = "document.altered"
    }

    public var failure: Failure?
    /// The serial the question named or the document claims, when it is well-formed.
    public var serial: CertificateSerial?
    /// The stored certificate of that serial, when there is one.
    public var record: CertificateRecord?
    /// For `signature.invalid`, what exactly failed (`proof.key_unresolved`, …).
    public var detail: String?

    public var isValid: Bool { failure == nil }

    public var json: JSONValue {
        var object: JSONObject = ["valid": .bool(isValid), "reason": .optional(failure?.rawValue)]
        if let detail { object["detail"] = .string(detail) }
        if let serial { object["serial"] = .string(serial.description) }
        if let record {
            object["issuedAt"] = .string(Timestamp.format(record.issuedAt))
            if let revocation = record.revocation {
                object["revokedAt"] = .string(Timestamp.format(revocation.at))
                object["revocationReason"] = .string(revocation.reason)
            }
            // What the issued certificate says, so a reader can compare it with the paper in hand.
            if isValid || failure == .revoked, let subject = CertificateDocument.subject(of: record.document) {
                object["certificate"] = [
                    "name": .string(subject.name), "school": .string(subject.schoolName), "topicTitle": .string(subject.topicTitle),
                    "recognisedHours": .double(subject.recognisedHours), "validFrom": record.document["validFrom"] ?? .null,
                ]
            }
        }
        return .object(object)
    }
}
