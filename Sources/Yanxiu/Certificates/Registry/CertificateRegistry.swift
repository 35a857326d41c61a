/// Revokes certificates (looking them up and storing them is `CertificatesStore`'s).
public enum CertificateRegistry {
    /// Revokes a live certificate and audits it; 404 `certificate.unknown`, 409 `certificate.revoked`.
    public static func revoke(_ tx: any StoreTransaction, serial: CertificateSerial, reason: String, now: Int64, actorUID: UInt32?) throws -> CertificateRecord {
        let certificates = tx.certificates
        guard let record = try certificates.certificate(serial: serial) else {
            throw DomainError.notFound("certificate.unknown", "No certificate \(serial)")
        }
        if let revocation = record.revocation {
            throw DomainError.conflict("certificate.revoked", "Certificate \(serial) was already revoked", data: [
                "revokedAt": .string(Timestamp.format(revocation.at)), "revocationReason": .string(revocation.reason),
            ])
        }
        try certificates.markRevoked(serial: serial, reason: reason, at: now, actorUID: actorUID)
        try tx.audit.record(at: now, actor: AuditActor(uid: actorUID), action: "certificate.revoke", target: serial.description,
                            detail: ["reason": .string(reason), "accountId": .int64(record.accountID), "topicId": .string(record.topicId)])
        return try certificates.certificate(serial: serial)!
    }
}
