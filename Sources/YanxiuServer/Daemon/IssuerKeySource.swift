import Foundation
import Yanxiu

/// Where the daemon's issuer key comes from, in order: the configured file, the systemd
/// credential (`LoadCredential=issuer-key:…`), or the state folder, where the first start
/// creates it on SQLite. On PostgreSQL a state folder's file is used only when it is there (a
/// deployment that moved from SQLite keeps its key); otherwise the database holds the key that
/// every daemon on it shares (`SharedIssuerKey`).
enum IssuerKeySource: Equatable {
    /// A file someone else provides: it must exist.
    case provided(String)
    /// The state folder's file, created with mode 0600 when missing.
    case stateFolder(String)
    /// The database's key, created by the first daemon that needs it.
    case database

    static func choose(configuredPath: String, credentialsDirectory: String?, stateDirectory: String, sharedDatabase: Bool = false) -> IssuerKeySource {
        if !configuredPath.isEmpty { return .provided(configuredPath) }
        if let credentialsDirectory, !credentialsDirectory.isEmpty {
            let credential = (credentialsDirectory as NSString).appendingPathComponent(IssuerKeyFile.name)
            if FileManager.default.fileExists(atPath: credential) { return .provided(credential) }
        }
        let stateFile = (stateDirectory as NSString).appendingPathComponent(IssuerKeyFile.name)
        if sharedDatabase { return FileManager.default.fileExists(atPath: stateFile) ? .provided(stateFile) : .database }
        return .stateFolder(stateFile)
    }

    /// Reads (or first creates) the key of a file; says what happened so start-up can log it.
    func load() throws -> (key: IssuerKey, path: String, created: Bool) {
        switch self {
        case .database:
            preconditionFailure("the database's key is read in a transaction (SharedIssuerKey)")
        case .provided(let path):
            return (try IssuerKeyFile.load(path: path), path, false)
        case .stateFolder(let path):
            let (key, created) = try IssuerKeyFile.loadOrCreate(path: path)
            return (key, path, created)
        }
    }
}
