import Foundation
import Postgres

/// `CertificatesStore` on PostgreSQL: issuer keys, certificates and revocations (counters and
/// issuance reads are in `PostgresCertificatesStore+Issuance.swift`).
struct PostgresCertificatesStore: CertificatesStore {
    let db: PostgresDatabase

    /// Daemons starting together register their key at the same moment: the table lock (which
    /// conflicts with itself only) makes them do it one after the other.
    func makeCurrentIssuerKey(verificationMethod method: String, publicKey: [UInt8], now: Int64) throws -> Int64 {
        try db.execute("LOCK TABLE issuer_key IN SHARE ROW EXCLUSIVE MODE")
        let existing = try db.first("SELECT id, retired_at FROM issuer_key WHERE verification_method = $1", [method])
        if existing == nil || (existing?["retired_at"] as Int64?) != nil {
            // Retire first: the index of the one current key refuses two at once, even within a statement.
            try db.execute("UPDATE issuer_key SET retired_at = $1 WHERE retired_at IS NULL AND verification_method <> $2", [now, method])
        }
        if let existing {
            let id: Int64 = existing["id"]
            try db.execute("UPDATE issuer_key SET retired_at = NULL WHERE id = $1", [id])
            return id
        }
        return try db.first("INSERT INTO issuer_key (verification_method, public_key, created_at) VALUES ($1, $2, $3) RETURNING id",
                            [method, Data(publicKey), now])!["id"]
    }

    func issuerKeys() throws -> [String: [UInt8]] {
        var known: [String: [UInt8]] = [:]
        for row in try db.execute("SELECT verification_method, public_key FROM issuer_key") {
            known[row["verification_method"]] = Array(row["public_key"] as Data)
        }
        return known
    }

    private static let selection = """
        SELECT c.serial_number, c.account_id, c.topic_id, c.document, c.issued_at, c.revoked_at, r.reason
        FROM certificate c LEFT JOIN certificate_revocation r ON r.serial_number = c.serial_number
        """

    func certificate(serial: CertificateSerial) throws -> CertificateRecord? {
        try db.first(Self.selection + " WHERE c.serial_number = $1", [Int64(serial.number)]).map(Self.record)
    }

    func certificate(accountID: Int64, topicId: String) throws -> CertificateRecord? {
        try db.first(Self.selection + """
             WHERE c.account_id = $1 AND c.topic_id = $2 ORDER BY c.revoked_at IS NULL DESC, c.revoked_at DESC NULLS LAST LIMIT 1
            """, [accountID, topicId]).map(Self.record)
    }

    private static func record(_ row: PostgresRow) -> CertificateRecord {
        let revocation = (row["revoked_at"] as Int64?).map { CertificateRecord.Revocation(at: $0, reason: row["reason"] ?? "") }
        return CertificateRecord(
            serial: CertificateSerial(number: UInt64(row["serial_number"] as Int64))!, accountID: row["account_id"],
            topicId: row["topic_id"], canonical: row["document"], issuedAt: row["issued_at"], revocation: revocation)
    }

    /// One statement for the whole batch: its rows travel as arrays, one per column.
    func insert(_ certificates: [CertificateSigner.Signed], topicId: String, issuerKeyID: Int64, issuedAt: Int64) throws -> Int {
        guard !certificates.isEmpty else { return 0 }
        return try db.execute("""
            INSERT INTO certificate (serial_number, serial, account_id, topic_id, issuer_key_id, document, issued_at, status_list_id, status_index)
            SELECT n, s, a, $4::text, $5::bigint, d, $6::bigint, l, i FROM unnest($1::bigint[], $2::text[], $3::bigint[], $7::text[], $8::bigint[], $9::bigint[])
                AS batch(n, s, a, d, l, i)
            ON CONFLICT (topic_id, account_id) WHERE revoked_at IS NULL DO NOTHING
            """, [
                certificates.map { Int64($0.serial.number) }, certificates.map(\.serial.description), certificates.map(\.accountID),
                topicId, issuerKeyID, issuedAt, certificates.map { String(decoding: $0.canonical, as: UTF8.self) },
                certificates.map { $0.status?.listID }, certificates.map { $0.status.map { Int64($0.index) } },
            ]).affectedRows
    }

    func markRevoked(serial: CertificateSerial, reason: String, at: Int64, actorUID: UInt32?) throws {
        try db.execute("UPDATE certificate SET revoked_at = $1 WHERE serial_number = $2", [at, Int64(serial.number)])
        try db.execute("INSERT INTO certificate_revocation (serial_number, reason, revoked_at, actor_uid) VALUES ($1, $2, $3, $4)",
                       [Int64(serial.number), reason, at, actorUID.map { Int64($0) }])
    }
}
