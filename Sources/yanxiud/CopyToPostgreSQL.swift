import ArgumentParser
import Foundation
import Yanxiu
import YanxiuServer

/// `yanxiud copy-to-postgresql`: moves a SQLite deployment's data into an empty PostgreSQL database.
struct CopyToPostgreSQL: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy-to-postgresql",
        abstract: "Copy a state folder's SQLite database into an empty PostgreSQL database, and verify the copy.",
        discussion: """
            Reads <state-dir>/yanxiu.sqlite (--state-dir or --config, as the daemon does). Stop yanxiud first. The target is migrated to this build's schema, filled and verified (row counts \
            and a SHA-256 per table) in one transaction; a target with any row is refused. The role must own the \
            tables it creates (the role the daemon will use). The issuer's private key stays in its file: keep it \
            for the daemon on PostgreSQL.
            """)

    /// `--config` and `--state-dir` are yanxiud's own: the configuration's `state-dir` (or the
    /// option) names the folder of `yanxiu.sqlite`, and its `postgresql` the target unless
    /// `--postgresql` is given.
    @ParentCommand var daemon: Yanxiud

    @Option(help: "libpq connection string of the target database (no password: use a password file).")
    var postgresql: String?

    func run() throws {
        var settings = DaemonConfiguration()
        do {
            if let config = daemon.config { try settings.apply(file: config) }
        } catch {
            Self.refuse("\(error)")
        }
        if let stateDirectory = daemon.stateDirectory { settings.stateDirectory = stateDirectory }
        let conninfo = postgresql ?? settings.postgresql
        guard !conninfo.isEmpty else { Self.refuse("name the target database with --postgresql <connection string>") }
        let summary: StoreCopySummary
        do {
            let copier = try StoreCopier(sqlitePath: settings.databasePath, conninfo: conninfo, defaults: settings.postgresqlDefaults)
            summary = try copier.copy()
        } catch StoreCopyError.verificationFailed(let tables) {
            tables.forEach { print(Self.line($0)) }
            Self.refuse(StoreCopyError.verificationFailed(tables).description)
        } catch {
            Self.refuse("\(error)")
        }
        summary.tables.forEach { print(Self.line($0)) }
        print(String(format: "copied %d tables, %d rows from %@ into %@ in %.1f s: every count and checksum agrees",
            summary.tables.count, summary.rows, settings.databasePath, summary.target, summary.seconds))
    }

    /// One table's figures: name, rows on both sides, and whether the checksums agree.
    static func line(_ table: StoreCopySummary.Table) -> String {
        let rows = table.sourceRows == table.targetRows ? "\(table.targetRows) rows" : "\(table.sourceRows) rows in SQLite, \(table.targetRows) in PostgreSQL"
        let checksum = table.sourceChecksum == table.targetChecksum
            ? "checksum ok \(table.targetChecksum.prefix(16))"
            : "checksum MISMATCH \(table.sourceChecksum.prefix(16)) / \(table.targetChecksum.prefix(16))"
        return "\(table.name.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rows)  \(checksum)"
    }

    static func refuse(_ reason: String) -> Never {
        FileHandle.standardError.write(Data("yanxiud copy-to-postgresql: \(reason)\n".utf8))
        Glibc.exit(1)
    }
}
