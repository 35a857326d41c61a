import GRDB
import JSONRPC

/// Appends certificate actions to the `audit` table (which triggers keep append-only), in the caller's transaction.
enum CertificateAudit {
    static func record(_ db: Database, at: Int64, actorUID: UInt32?, action: String, target: String, detail: JSONObject) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor_uid, action, target, detail) VALUES (?, ?, ?, ?, ?)",
                       arguments: [at, actorUID.map { Int64($0) }, action, target, JSONWriter.string(.object(detail))])
    }
}
