import JSONRPC
import Yanxiu

extension CertificateRendering {
    /// The reply of `certificate.verify`: valid, or why not, with what the daemon knows of the certificate.
    static func verdict(_ verdict: CertificateVerdict) -> JSONValue {
        var object: JSONObject = ["valid": .bool(verdict.isValid), "reason": .optional(verdict.failure?.rawValue)]
        if let detail = verdict.detail { object["detail"] = .string(detail) }
        if let serial = verdict.serial { object["serial"] = .string(serial.description) }
        if let record = verdict.record {
            object["issuedAt"] = .string(Timestamp.format(record.issuedAt))
            if let revocation = record.revocation {
                object["revokedAt"] = .string(Timestamp.format(revocation.at))
                object["revocationReason"] = .string(revocation.reason)
            }
            // What the issued certificate says, so a reader can compare it with the paper in hand.
            if verdict.isValid || verdict.failure == .revoked, let subject = CertificateDocument.subject(of: record.document) {
                object["certificate"] = [
                    "name": .string(subject.name), "school": .string(subject.schoolName), "topicTitle": .string(subject.topicTitle),
                    "recognisedHours": .double(subject.recognisedHours), "validFrom": record.document["validFrom"] ?? .null,
                ]
            }
        }
        return .object(object)
    }
}
