import GRDB
import JSONRPC

/// Looks up, stores and revokes certificates.
public enum CertificateRegistry {
    /// The certificate with this serial, revoked or not.
    public static func find(_ db: Database, serial: CertificateSerial) throws -> CertificateRecord? {
        try Row.fetchOne(db, sql: CertificateRecord.selection + " WHERE c.serial_number = ?", arguments: [Int64(serial.number)])
            .map(CertificateRecord.init(row:))
    }

    /// The teacher's certificate of a topic: the live one, else the one revoked last.
    public static func holding(_ db: Database, accountID: Int64, topicId: String) throws -> CertificateRecord? {
        try Row.fetchOne(db, sql: CertificateRecord.selection + """
             WHERE c.account_id = ? AND c.topic_id = ? ORDER BY c.revoked_at IS NULL DESC, c.revoked_at DESC LIMIT 1
            """, arguments: [accountID, topicId]).map(CertificateRecord.init(row:))
    }

    /// Stores signed certificates; returns how many were new. One that meets a live certificate
    /// of the same teacher and topic (stored meanwhile by another run) is left out.
    static func insert(_ db: Database, _ certificates: [CertificateSigner.Signed], topicId: String, issuerKeyID: Int64, issuedAt: Int64) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO certificate (serial_number, serial, account_id, topic_id, issuer_key_id, document, issued_at, status_list_id, status_index)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic_id, account_id) WHERE revoked_at IS NULL DO NOTHING
            """)
        var inserted = 0
        for certificate in certificates {
            try statement.execute(arguments: [
                Int64(certificate.serial.number), certificate.serial.description, certificate.accountID, topicId, issuerKeyID,
                String(decoding: certificate.canonical, as: UTF8.self), issuedAt, certificate.status?.listID, certificate.status?.index,
            ])
            inserted += db.changesCount
        }
        return inserted
    }

    /// Revokes a live certificate and audits it; 404 `certificate.unknown`, 409 `certificate.revoked`.
    public static func revoke(_ db: Database, serial: CertificateSerial, reason: String, now: Int64, actorUID: UInt32?) throws -> CertificateRecord {
        guard let record = try find(db, serial: serial) else {
            throw DomainError.notFound("certificate.unknown", "No certificate \(serial)")
        }
        if let revocation = record.revocation {
            throw DomainError.conflict("certificate.revoked", "Certificate \(serial) was already revoked", data: [
                "revokedAt": .string(Timestamp.format(revocation.at)), "revocationReason": .string(revocation.reason),
            ])
        }
        try db.execute(sql: "UPDATE certificate SET revoked_at = ? WHERE serial_number = ?", arguments: [now, Int64(serial.number)])
        try db.execute(sql: "INSERT INTO certificate_revocation (serial_number, reason, revoked_at, actor_uid) VALUES (?, ?, ?, ?)",
                       arguments: [Int64(serial.number), reason, now, actorUID.map { Int64($0) }])
        try CertificateAudit.record(db, at: now, actorUID: actorUID, action: "certificate.revoke", target: serial.description,
                         detail: ["reason": .string(reason), "accountId": .int64(record.accountID), "topicId": .string(record.topicId)])
        return try find(db, serial: serial)!
    }
}
