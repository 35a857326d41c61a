import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Every method of `rpc.discover` called by every kind of caller; the outcomes must match
/// `expected.tsv` beside this file, which names every method (a new one fails the test until
/// it is classified there). Methods with a param that reveals phone and ID numbers
/// (`unmasked`, `revealNumbers`) are called a second time with it set, as `method+param`.
@Suite("Authorisation matrix from rpc.discover")
struct AuthorisationMatrixTests {
    @Test("each method as anonymous, user, another school's admin, the school's admin and operator matches expected.tsv; no non-operator sees a phone or ID number")
    func matrix() throws {
        let daemon = try LiveDaemon(config: ["password-scrypt-log-n": "10"])
        let world = try MatrixWorld(daemon: daemon)
        let expected = try ExpectedOutcomes.load(Paths.file("Tests/EndToEndTests/Authorisation/expected.tsv"))
        let methods = try #require(daemon.call("rpc.discover")["methods"]?.arrayValue)

        var rows: [(row: String, method: JSONValue, reveal: String?)] = []
        for method in methods {
            let name = try #require(method["name"]?.stringValue)
            rows.append((name, method, nil))
            for param in method["params"]?.arrayValue ?? [] {
                if let reveal = param["name"]?.stringValue, MatrixWorld.revealParams.contains(reveal) { rows.append((name + "+" + reveal, method, reveal)) }
            }
        }
        // A size cap on the database file is a fault only SQLite can have.
        let absentHere: Set<String> = LiveDaemon.store == .sqlite ? [] : ["testFault.limitDatabase"]
        #expect(Set(expected.rows.keys).subtracting(absentHere) == Set(rows.map(\.row)), "expected.tsv and rpc.discover disagree: classify \(Set(rows.map(\.row)).subtracting(expected.rows.keys).sorted()), drop \(Set(expected.rows.keys).subtracting(rows.map(\.row)).sorted())")

        // One connection per call, each with a session made just before it: some methods
        // (logout, changePassword, changePhone) end sessions.
        var cells = 0
        for row in rows {
            for role in MatrixRole.allCases {
                let params = try #require(try world.params(for: row.method, role: role, reveal: row.reveal), "\(row.row): a required param has no sample in MatrixWorld")
                let line = JSONWriter.string(["jsonrpc": "2.0", "id": 1, "method": row.method["name"]!, "params": .object(params)])
                let reply = try #require(try Self.send(line, as: role, socket: daemon.socketPath), "\(row.row) as \(role): no reply")
                let outcome = MatrixOutcome.of(reply)
                #expect(outcome == expected.rows[row.row]?[role], "\(row.row) as \(role): \(outcome), expected \(expected.rows[row.row]?[role] ?? "-"); \(JSONWriter.string(reply).prefix(300))")
                if !role.isOperator {
                    let text = JSONWriter.string(reply)
                    for secret in world.secrets { #expect(!text.contains(secret), "\(row.row) as \(role) revealed \(secret)") }
                }
                cells += 1
            }
        }
        print("authorisation matrix: \(rows.count) rows (\(methods.count) methods) × \(MatrixRole.allCases.count) callers = \(cells) calls")
    }

    /// Sends one line as uid 65534 (root for the operator) through `yanxiuctl send`; returns the reply.
    static func send(_ line: String, as role: MatrixRole, socket: String) throws -> JSONValue? {
        let input = Pipe()
        let output = Pipe()
        let process = Process()
        let ctl = [LiveDaemon.ctlPath, "--socket", socket, "send"]
        if role.isOperator {
            process.executableURL = URL(fileURLWithPath: LiveDaemon.ctlPath)
            process.arguments = Array(ctl.dropFirst())
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", "--"] + ctl
        }
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data((line + "\n").utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try data.split(separator: 0x0A).first.map { try JSONParser.parse(Array($0)) }
    }
}

/// `expected.tsv`: a header of role names, then one row per method; `#` starts a comment.
struct ExpectedOutcomes {
    var rows: [String: [MatrixRole: String]] = [:]

    static func load(_ url: URL) throws -> ExpectedOutcomes {
        let text = try String(contentsOf: url, encoding: .utf8)
        var table = ExpectedOutcomes()
        var columns: [MatrixRole] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let fields = line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            if columns.isEmpty {
                columns = try fields.dropFirst().map { try #require(MatrixRole(rawValue: $0), "unknown role \($0) in expected.tsv") }
                continue
            }
            try #require(fields.count == columns.count + 1, "expected.tsv: \(line)")
            table.rows[fields[0]] = Dictionary(uniqueKeysWithValues: zip(columns, fields.dropFirst()))
        }
        return table
    }
}
