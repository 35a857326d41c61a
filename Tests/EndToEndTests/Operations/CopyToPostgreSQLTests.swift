import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// `yanxiud copy-to-postgresql`: a deployment built through the API on SQLite, copied into a fresh
/// PostgreSQL database of the tests' throwaway cluster, then served from there.
@Suite("Moving a SQLite deployment to PostgreSQL", .serialized)
struct CopyToPostgreSQLTests {
    static let topic: JSONValue = "mh-2023-winter"
    static let afterWindow = "2023-03-01T09:00:00+08:00"

    /// What the deployment answered on SQLite, to compare with what it answers on PostgreSQL.
    struct Before {
        let teacher: TestAccount
        let serial: String
        let document: JSONValue
        let progress: JSONValue
        let report: JSONValue
    }

    /// A deployment built on SQLite, its daemon stopped, and an empty database waiting for it.
    struct Deployment {
        let directory: String
        let database: String
        let conninfo: String
        let before: Before
    }

    /// Builds the deployment; a copy while its daemon still runs is refused.
    func deployment() throws -> Deployment {
        let cluster = try SharedPostgres.cluster()
        // The daemon's role owns its database and is no superuser; the copy needs nothing more.
        let suffix = UUID().uuidString.prefix(8).lowercased()
        let (role, database) = ("mover_\(suffix)", "moved_\(suffix)")
        _ = try cluster.psql("CREATE ROLE \(role) LOGIN")
        _ = try cluster.psql("CREATE DATABASE \(database) OWNER \(role)")
        let conninfo = cluster.conninfo(database: database) + " user=\(role)"
        let directory = LiveDaemon.makeDirectory()
        let daemon = try LiveDaemon(config: ["store": "sqlite"], directory: directory)
        let before = try populate(daemon)
        let whileRunning = try copy(directory, conninfo)
        #expect(whileRunning.status != 0 && whileRunning.output.contains("stop yanxiud first"), "\(whileRunning.output)")
        #expect(daemon.stop() == 0)
        return Deployment(directory: directory, database: database, conninfo: conninfo, before: before)
    }

    @Test("a populated state folder is copied and verified table by table; a password and a second copy are refused")
    func copyPopulatedFolder() throws {
        let cluster = try SharedPostgres.cluster()
        let deployment = try deployment()
        defer { try? FileManager.default.removeItem(atPath: deployment.directory) }

        let withPassword = try copy(deployment.directory, deployment.conninfo + " password=secret")
        #expect(withPassword.status != 0 && withPassword.output.contains("must not hold a password"), "\(withPassword.output)")

        let copied = try copy(deployment.directory, deployment.conninfo)
        #expect(copied.status == 0, "\(copied.output)")
        let lines = copied.output.split(separator: "\n").map(String.init)
        let tables = Self.tableLines(lines)
        #expect(lines.last?.contains("every count and checksum agrees") == true, "\(copied.output)")
        #expect(tables.count >= 20, "\(copied.output)")
        #expect(tables.values.allSatisfy { $0.checksumOK }, "\(copied.output)")
        // The command's figures are SQLite's own counts, and PostgreSQL holds as many rows.
        let sqlite = deployment.directory + "/yanxiu.sqlite"
        for table in ["account", "audit", "enrollment", "lesson_progress", "heartbeat", "quiz_submission", "certificate", "issuer_key", "topic_completion", "school"] {
            let sqliteCount = try run("/usr/bin/sqlite3", [sqlite, "SELECT count(*) FROM \(table)"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
            let postgresCount = try cluster.psql("SELECT count(*) FROM \(table)", database: deployment.database)
            #expect(Int(sqliteCount) ?? 0 > 0, "\(table) is empty in SQLite")
            #expect(postgresCount == sqliteCount, "\(table): \(postgresCount) rows in PostgreSQL, \(sqliteCount) in SQLite")
            #expect(tables[table]?.rows == Int(sqliteCount), "\(table): \(copied.output)")
        }

        let again = try copy(deployment.directory, deployment.conninfo)
        #expect(again.status != 0 && again.output.contains("is not empty"), "\(again.output)")
        #expect(try cluster.psql("SELECT count(*) FROM account", database: deployment.database) == tables["account"].map { "\($0.rows)" })
    }

    @Test("the daemon started on the copy verifies the certificate and shows the same progress and report")
    func serveTheCopy() throws {
        let deployment = try deployment()
        defer { try? FileManager.default.removeItem(atPath: deployment.directory) }
        let copied = try copy(deployment.directory, deployment.conninfo)
        #expect(copied.status == 0, "\(copied.output)")

        // The same state folder (the issuer key stays in its file), the data on PostgreSQL.
        let before = deployment.before
        let daemon = try LiveDaemon(config: ["store": "postgresql", "postgresql": deployment.conninfo], directory: deployment.directory)
        try daemon.call("testClock.set", ["time": .string(Self.afterWindow)])
        let bySerial = try daemon.call("certificate.verify", ["serial": .string(before.serial)])
        #expect(bySerial["valid"] == true && bySerial["serial"] == .string(before.serial))
        #expect(try daemon.call("certificate.verify", ["document": before.document])["valid"] == true)
        #expect(try daemon.call("progress.inspect", ["userId": .int64(before.teacher.userID), "topicId": Self.topic]) == before.progress)
        #expect(try daemon.call("report.topic", ["topicId": Self.topic, "groupBy": "school"]) == before.report)
        let login = try daemon.call("account.login", ["phone": .string(before.teacher.phone), "password": .string(before.teacher.password)])
        #expect(login["userId"]?.int64Value == before.teacher.userID)
        // New ids follow the copied ones.
        let newcomer = try daemon.register("13900000099")
        #expect(newcomer.userID > before.teacher.userID)
        #expect(daemon.stop() == 0)
    }

    /// Builds a small programme through the API: teachers registered, verified and enrolled, lessons
    /// watched to completion with their quizzes, an administrator granted, the window closed and a
    /// certificate issued. Returns the qualifying teacher's certificate, progress and the report.
    func populate(_ daemon: LiveDaemon) throws -> Before {
        try daemon.call("testClock.set", ["time": "2023-01-10T08:00:00+08:00"])
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let lessons = try ReportFixture.lessons(daemon)
        var players: [SimulatedPlayer] = []
        var teachers: [TestAccount] = []
        // The gender matches the ID number's 17th digit.
        for (index, (name, idNumber, gender, completed)) in [("王芳", "110101198805124566", "2", 10), ("李伟", "110101199003071233", "1", 2)].enumerated() {
            let teacher = try daemon.teacher(String(format: "1310000%04d", index), name: name, schoolID: school, idNumber: idNumber)
            try daemon.call("enrollment.create", ["session": .string(teacher.session), "topicId": Self.topic, "form": [
                "name": .string(name), "ethnicity": "01", "idType": "residentCard", "idNumber": .string(idNumber), "gender": .string(gender),
                "politicalStatus": "13", "education": "master", "teacherType": "staff", "schoolId": .int64(school),
                "isMentalHealthTeacher": false, "isHomeroomTeacher": true, "stage": "juniorHigh", "title": "first", "subject": "mentalHealth",
            ]])
            try daemon.call("school.verifyTeacher", [
                "schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": false, "homeroomTeacher": true,
            ])
            teachers.append(teacher)
            players.append(SimulatedPlayer(session: teacher.session, behaviour: .honest, lessons: Array(lessons.prefix(completed))))
        }
        try LockstepPlayback(control: daemon.client(), viewers: daemon.client()).run(players)
        let admin = try daemon.register("13200000001")
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(school)])
        try daemon.call("testClock.set", ["time": .string(Self.afterWindow)])
        let issued = try daemon.call("certificate.issue", ["topicId": Self.topic])
        #expect(issued["issued"] == 1)
        let teacher = try #require(teachers.first)
        let session = try daemon.call("account.login", ["phone": .string(teacher.phone), "password": .string(teacher.password)])["session"] ?? .null
        let own = try daemon.call("certificate.get", ["session": session, "topicId": Self.topic])
        #expect(try daemon.call("certificate.verify", ["serial": own["serial"] ?? .null])["valid"] == true)
        return Before(
            teacher: teacher, serial: try #require(own["serial"]?.stringValue), document: try #require(own["document"]),
            progress: try daemon.call("progress.inspect", ["userId": .int64(teacher.userID), "topicId": Self.topic]),
            report: try daemon.call("report.topic", ["topicId": Self.topic, "groupBy": "school"]))
    }

    func copy(_ directory: String, _ conninfo: String) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.daemonPath, ["copy-to-postgresql", "--state-dir", directory, "--postgresql", conninfo])
    }

    /// The command's table lines: name, rows, and whether the checksums agreed.
    static func tableLines(_ lines: [String]) -> [String: (rows: Int, checksumOK: Bool)] {
        var tables: [String: (rows: Int, checksumOK: Bool)] = [:]
        for line in lines {
            let words = line.split(separator: " ")
            guard words.count >= 3, words[2] == "rows", let rows = Int(words[1]) else { continue }
            tables[String(words[0])] = (rows, line.contains("checksum ok"))
        }
        return tables
    }
}
