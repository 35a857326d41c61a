import Foundation
import Yanxiu

/// Where the daemon's issuer key comes from, in order: the configured file, the systemd
/// credential (`LoadCredential=issuer-key:…`), or the state folder, where the first start
/// creates it.
enum IssuerKeySource: Equatable {
    /// A file someone else provides: it must exist.
    case provided(String)
    /// The state folder's file, created with mode 0600 when missing.
    case stateFolder(String)

    static func choose(configuredPath: String, credentialsDirectory: String?, stateDirectory: String) -> IssuerKeySource {
        if !configuredPath.isEmpty { return .provided(configuredPath) }
        if let credentialsDirectory, !credentialsDirectory.isEmpty {
            let credential = (credentialsDirectory as NSString).appendingPathComponent(IssuerKeyFile.name)
            if FileManager.default.fileExists(atPath: credential) { return .provided(credential) }
        }
        return .stateFolder((stateDirectory as NSString).appendingPathComponent(IssuerKeyFile.name))
    }

    /// Reads (or first creates) the key; says what happened so start-up can log it.
    func load() throws -> (key: IssuerKey, path: String, created: Bool) {
        switch self {
        case .provided(let path):
            return (try IssuerKeyFile.load(path: path), path, false)
        case .stateFolder(let path):
            let (key, created) = try IssuerKeyFile.loadOrCreate(path: path)
            return (key, path, created)
        }
    }
}
