import Foundation

extension LiveDaemon {
    /// The issuer's private key (`z3u2…`) of the daemons on the state folder `directory`: the
    /// folder's file on SQLite, the database's record on PostgreSQL (where no file is made).
    static func issuerKey(directory: String) throws -> String {
        let file = directory + "/issuer-key"
        let text = FileManager.default.fileExists(atPath: file)
            ? try String(contentsOfFile: file, encoding: .utf8)
            : try StateDatabase.run("SELECT value FROM daemon_meta WHERE key = 'issuer-key'", directory: directory)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
