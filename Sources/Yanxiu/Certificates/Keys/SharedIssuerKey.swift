/// The issuer key of a database that several daemons share (PostgreSQL): every daemon signs with
/// the same key, recorded once in the database (`daemon_meta` row `issuer-key`).
///
/// Without a configured key the database holds the key itself: the first daemon stores the one it
/// made, and every daemon, that one included, uses what the database holds. With a configured key
/// (a file, or a systemd credential) the database records its public key only, and a daemon whose
/// key is not the recorded one refuses to start.
public enum SharedIssuerKey {
    static let metaKey = "issuer-key"

    /// The key the database holds, stored from `candidate` when it holds none yet; `created` is
    /// whether `candidate` became it.
    public static func adopt(_ tx: any StoreTransaction, candidate: IssuerKey) throws -> (key: IssuerKey, created: Bool) {
        let stored = try tx.operations.sharedValue(metaKey, proposing: candidate.multibase)
        if stored.hasPrefix("did:") {
            throw IssuerKeyFile.Failure(description: """
                the database's issuer key \(didOf(stored)) lives in key files: configure the same key on this daemon (issuer-key = FILE)
                """)
        }
        guard let key = privateKey(stored) else {
            throw IssuerKeyFile.Failure(description: "the database's issuer key (daemon_meta row issuer-key) is not an Ed25519 Multikey private key")
        }
        return (key, key.verificationMethod == candidate.verificationMethod)
    }

    /// The key a stored Multikey private key (`z3u2…`) holds; nil when it holds none.
    private static func privateKey(_ multibase: String) -> IssuerKey? {
        guard let key = try? Ed25519Multikey.privateKey(multibase: multibase) else { return nil }
        return try? IssuerKey(seed: Array(key.rawRepresentation))
    }

    /// Checks a configured key against the database's record, recording its public key when the
    /// database has none yet. `origin` names where the key came from, for the refusal.
    public static func check(_ tx: any StoreTransaction, configured key: IssuerKey, origin: String) throws {
        let stored = try tx.operations.sharedValue(metaKey, proposing: key.verificationMethod)
        let recorded: String? = stored.hasPrefix("did:") ? stored : privateKey(stored)?.verificationMethod
        guard recorded == key.verificationMethod else {
            let held = recorded.map(didOf) ?? "unreadable"
            throw IssuerKeyFile.Failure(description: "the issuer key of \(origin) (\(key.did)) is not the database's issuer key (\(held)): "
                + "every daemon on one database signs with the same key")
        }
    }

    /// The did:key of a verification method (`did:key:z6Mk…#z6Mk…`).
    private static func didOf(_ verificationMethod: String) -> String {
        String(verificationMethod.prefix { $0 != "#" })
    }
}
