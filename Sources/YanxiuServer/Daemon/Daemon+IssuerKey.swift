import Foundation
import Logging
import Yanxiu

extension Daemon {
    /// The issuer key registered among the known keys. On PostgreSQL every daemon signs with the
    /// database's key, or with a configured one that must be the database's (`SharedIssuerKey`).
    static func issuerKeyring(_ configuration: DaemonConfiguration, store: any Store, clock: any DaemonClock, logger: Logger) async throws -> IssuerKeyring {
        let shared = configuration.store == .postgresql
        let source = IssuerKeySource.choose(
            configuredPath: configuration.issuerKeyPath,
            credentialsDirectory: ProcessInfo.processInfo.environment["CREDENTIALS_DIRECTORY"],
            stateDirectory: configuration.stateDirectory, sharedDatabase: shared)
        let name = configuration.issuerName
        let now = clock.nowMs
        if source == .database {
            let candidate = IssuerKey.generate()
            let (keyring, created) = try await store.write { tx -> (IssuerKeyring, Bool) in
                let (key, created) = try SharedIssuerKey.adopt(tx, candidate: candidate)
                return (try IssuerKeyring.register(tx.certificates, key: key, issuerName: name, now: now), created)
            }
            if created { logger.notice("created a new certificate issuer key in the database", metadata: ["issuer.did": "\(keyring.current.did)"]) }
            logger.info("certificate issuer", metadata: ["issuer.did": "\(keyring.current.did)", "issuer.known_keys": "\(keyring.known.count)"])
            return keyring
        }
        let (key, path, created) = try await Offload.run { try source.load() }
        if created {
            logger.notice("created a new certificate issuer key", metadata: ["issuer.did": "\(key.did)", "issuer.key_file": "\(path)"])
        } else if IssuerKeyFile.isReadableByOthers(path: path) {
            logger.warning("the issuer key file is readable by other users; make it mode 0600", metadata: ["issuer.key_file": "\(path)"])
        }
        let keyring = try await store.write { tx -> IssuerKeyring in
            if shared { try SharedIssuerKey.check(tx, configured: key, origin: path) }
            return try IssuerKeyring.register(tx.certificates, key: key, issuerName: name, now: now)
        }
        logger.info("certificate issuer", metadata: ["issuer.did": "\(key.did)", "issuer.known_keys": "\(keyring.known.count)"])
        return keyring
    }
}
