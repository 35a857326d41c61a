import Foundation
import GRDB

/// The key the daemon signs with, and every key it ever signed with, for verification.
public struct IssuerKeyring: Sendable {
    /// The key new certificates are signed with.
    public let current: IssuerKey
    /// Its row in `issuer_key`.
    public let currentKeyID: Int64
    /// The name certificates carry as their issuer's.
    public let issuerName: String
    /// Public keys of the current and every retired key, by verification method.
    public let known: [String: [UInt8]]

    /// Only our own keys, current or retired: a document signed with any other key, even a
    /// valid did:key, was not issued by us.
    public var resolver: VerificationKeyResolver { .known(known) }

    /// Records `key` as the current key (retiring the one before it, if it differs) and
    /// reads back every known key. Runs at start-up.
    public static func register(_ db: Database, key: IssuerKey, issuerName: String, now: Int64) throws -> IssuerKeyring {
        let method = key.verificationMethod
        let existing = try Row.fetchOne(db, sql: "SELECT id, retired_at FROM issuer_key WHERE verification_method = ?", arguments: [method])
        if existing == nil || (existing?["retired_at"] as Int64?) != nil {
            try db.execute(sql: "UPDATE issuer_key SET retired_at = ? WHERE retired_at IS NULL AND verification_method != ?", arguments: [now, method])
        }
        let id: Int64
        if let existing {
            id = existing["id"]
            // An operator who goes back to an older key makes it current again.
            try db.execute(sql: "UPDATE issuer_key SET retired_at = NULL WHERE id = ?", arguments: [id])
        } else {
            try db.execute(sql: "INSERT INTO issuer_key (verification_method, public_key, created_at) VALUES (?, ?, ?)",
                           arguments: [method, Data(key.did.publicKeyBytes), now])
            id = db.lastInsertedRowID
        }
        var known: [String: [UInt8]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT verification_method, public_key FROM issuer_key") {
            known[row["verification_method"]] = Array(row["public_key"] as Data)
        }
        return IssuerKeyring(current: key, currentKeyID: id, issuerName: issuerName, known: known)
    }

    /// The platform's name as the manual gives it.
    public static let defaultIssuerName = "国家中小学智慧教育平台"
}
