import JSONRPC
import Yanxiu

/// The wire shapes of certificates: issuance reports, records and revocations.
enum CertificateRendering {
    static func report(_ report: IssuanceReport) -> JSONValue {
        [
            "topicId": .string(report.topicId), "enrolled": .int(report.enrolled), "issued": .int(report.issued),
            "alreadyHeld": .int(report.alreadyHeld),
            "notQualified": .object(JSONObject(report.notQualified.sorted { $0.key < $1.key }.map { .init(key: $0.key, value: .int($0.value)) })),
            "elapsedMs": .int64(report.elapsedMs),
        ]
    }

    /// `certificate.get`: the caller's own certificate.
    static func own(_ record: CertificateRecord) -> JSONValue {
        ["serial": .string(record.serial.description), "document": record.document, "issuedAt": .string(Timestamp.format(record.issuedAt))]
    }

    /// `certificate.inspect` without its optional PDF.
    static func inspected(_ record: CertificateRecord) -> JSONObject {
        var object: JSONObject = [
            "serial": .string(record.serial.description), "userId": .int64(record.accountID), "topicId": .string(record.topicId),
            "issuedAt": .string(Timestamp.format(record.issuedAt)),
        ]
        if let revocation = record.revocation {
            object["revokedAt"] = .string(Timestamp.format(revocation.at))
            object["revocationReason"] = .string(revocation.reason)
        }
        object["document"] = record.document
        return object
    }

    static func statusList(_ built: StatusListCredential.Built, keyring: IssuerKeyring) -> JSONValue {
        let current = keyring.current.did.did
        let retired = Set(keyring.known.keys.map { String($0.split(separator: "#").first ?? "") }).subtracting([current]).sorted()
        return [
            "list": .int64(built.list), "lists": .int64(built.lists), "revoked": .int(built.revoked),
            "id": built.credential["id"] ?? .null, "credential": built.credential,
            "issuers": .array(([current] + retired).map { .string($0) }),
        ]
    }
}
