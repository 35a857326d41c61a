import Foundation
import GRDB

/// `CertificatesStore` on SQLite: issuer keys, certificates and revocations (counters and
/// issuance reads are in `SQLiteCertificatesStore+Issuance.swift`).
struct SQLiteCertificatesStore: CertificatesStore {
    let db: Database

    func makeCurrentIssuerKey(verificationMethod method: String, publicKey: [UInt8], now: Int64) throws -> Int64 {
        let existing = try Row.fetchOne(db, sql: "SELECT id, retired_at FROM issuer_key WHERE verification_method = ?", arguments: [method])
        if existing == nil || (existing?["retired_at"] as Int64?) != nil {
            try db.execute(sql: "UPDATE issuer_key SET retired_at = ? WHERE retired_at IS NULL AND verification_method != ?", arguments: [now, method])
        }
        if let existing {
            let id: Int64 = existing["id"]
            try db.execute(sql: "UPDATE issuer_key SET retired_at = NULL WHERE id = ?", arguments: [id])
            return id
        }
        try db.execute(sql: "INSERT INTO issuer_key (verification_method, public_key, created_at) VALUES (?, ?, ?)",
                       arguments: [method, Data(publicKey), now])
        return db.lastInsertedRowID
    }

    func issuerKeys() throws -> [String: [UInt8]] {
        var known: [String: [UInt8]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT verification_method, public_key FROM issuer_key") {
            known[row["verification_method"]] = Array(row["public_key"] as Data)
        }
        return known
    }

    private static let selection = """
        SELECT c.serial_number, c.account_id, c.topic_id, c.document, c.issued_at, c.revoked_at, r.reason
        FROM certificate c LEFT JOIN certificate_revocation r ON r.serial_number = c.serial_number
        """

    func certificate(serial: CertificateSerial) throws -> CertificateRecord? {
        try Row.fetchOne(db, sql: Self.selection + " WHERE c.serial_number = ?", arguments: [Int64(serial.number)]).map(Self.record)
    }

    func certificate(accountID: Int64, topicId: String) throws -> CertificateRecord? {
        try Row.fetchOne(db, sql: Self.selection + """
             WHERE c.account_id = ? AND c.topic_id = ? ORDER BY c.revoked_at IS NULL DESC, c.revoked_at DESC LIMIT 1
            """, arguments: [accountID, topicId]).map(Self.record)
    }

    private static func record(_ row: Row) -> CertificateRecord {
        let revocation = (row["revoked_at"] as Int64?).map { CertificateRecord.Revocation(at: $0, reason: row["reason"] ?? "") }
        return CertificateRecord(
            serial: CertificateSerial(number: UInt64(row["serial_number"] as Int64))!, accountID: row["account_id"],
            topicId: row["topic_id"], canonical: row["document"], issuedAt: row["issued_at"], revocation: revocation)
    }

    func insert(_ certificates: [CertificateSigner.Signed], topicId: String, issuerKeyID: Int64, issuedAt: Int64) throws -> Int {
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

    func markRevoked(serial: CertificateSerial, reason: String, at: Int64, actorUID: UInt32?) throws {
        try db.execute(sql: "UPDATE certificate SET revoked_at = ? WHERE serial_number = ?", arguments: [at, Int64(serial.number)])
        try db.execute(sql: "INSERT INTO certificate_revocation (serial_number, reason, revoked_at, actor_uid) VALUES (?, ?, ?, ?)",
                       arguments: [Int64(serial.number), reason, at, actorUID.map { Int64($0) }])
    }
}
