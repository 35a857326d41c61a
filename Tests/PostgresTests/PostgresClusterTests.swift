import Foundation
import PostgresCluster
import Testing

@Suite("Throwaway PostgreSQL clusters")
struct PostgresClusterTests {
    @Test func aStartedClusterAnswersQueriesOnItsOwnSocketOnly() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        #expect(try cluster.psql("SELECT 40 + 2") == "42")
        #expect(try cluster.psql("SELECT current_user") == PostgresCluster.superuser)
        #expect(try cluster.psql("SHOW listen_addresses") == "")
        #expect(try cluster.psql("SHOW unix_socket_directories") == cluster.socketDirectory)
        #expect(try cluster.psql("SHOW fsync") == "on")
        #expect(try cluster.psql("SHOW server_encoding") == "UTF8")
        #expect(FileManager.default.fileExists(atPath: cluster.socketDirectory + "/.s.PGSQL.\(cluster.port)"))
        #expect(cluster.socketDirectory.hasPrefix(cluster.folder))
        #expect(throws: PostgresClusterError.self) {
            try cluster.psql("SELECT 1", conninfo: cluster.conninfo(database: "postgres", tcp: true), password: nil)
        }
    }

    @Test func textSortsByteWiseAndTrigramsSeeChineseCharacters() throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        defer { cluster.remove() }
        try cluster.createDatabase("t_locale")
        #expect(try cluster.psql("SHOW lc_collate", database: "t_locale") == "C")
        #expect(try cluster.psql("SHOW lc_ctype", database: "t_locale") == "C.UTF-8")
        #expect(try cluster.psql("SELECT string_agg(s, ',' ORDER BY s) FROM (VALUES ('b'), ('B'), ('a')) v(s)", database: "t_locale") == "B,a,b")
        _ = try cluster.psql("CREATE EXTENSION pg_trgm", database: "t_locale")
        #expect(try cluster.psql("SELECT similarity('海淀区示例第一小学', '海淀区') > 0", database: "t_locale") == "t")
    }

    @Test func whenRunAsRootTheServerRunsAsThePostgresUser() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        let pid = try #require(cluster.postmasterPID)
        let uid = try ownerUID(of: pid)
        if geteuid() == 0 {
            #expect(uid == getpwnam("postgres").pointee.pw_uid)
        } else {
            #expect(uid == geteuid())
        }
    }

    @Test func aCreatedDatabaseKeepsTablesOfItsOwn() throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        defer { cluster.remove() }
        try cluster.createDatabase("t_created")
        _ = try cluster.psql("CREATE TABLE teachers (name TEXT); INSERT INTO teachers VALUES ('Li'), ('Wang')", database: "t_created")
        #expect(try cluster.psql("SELECT name FROM teachers ORDER BY name", database: "t_created") == "Li\nWang")
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT count(*) FROM teachers", database: "postgres") }
        #expect(throws: PostgresClusterError.self) { try cluster.createDatabase("t_created") }
    }

    @Test func aFailingStatementStopsTheScriptWithPostgresMessage() throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        defer { cluster.remove() }
        let error = #expect(throws: PostgresClusterError.self) {
            try cluster.psql("CREATE TABLE once (n INT); SELECT nonsense FROM nowhere; CREATE TABLE never (n INT)")
        }
        #expect(error?.description.contains("nowhere") == true)
        #expect(try cluster.psql("SELECT count(*) FROM pg_tables WHERE tablename IN ('once', 'never')") == "1")
    }

    @Test(arguments: [PostgresCluster.StopMode.fast, .immediate])
    func stoppingAndRestartingKeepsCommittedData(mode: PostgresCluster.StopMode) throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        _ = try cluster.psql("CREATE TABLE kept (n INT); INSERT INTO kept VALUES (7)")
        try cluster.stop(mode: mode)
        #expect(!cluster.isRunning)
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1") }
        try cluster.restart()
        #expect(cluster.isRunning)
        #expect(try cluster.psql("SELECT n FROM kept") == "7")
        #expect(FileManager.default.fileExists(atPath: cluster.socketDirectory + "/.s.PGSQL.\(cluster.port)"))
    }

    @Test func afterAKillTheServerRecoversCommittedData() throws {
        let cluster = try PostgresCluster.start()
        defer { cluster.remove() }
        _ = try cluster.psql("CREATE TABLE durable (n INT); INSERT INTO durable SELECT generate_series(1, 1000)")
        let pid = try #require(cluster.postmasterPID)
        cluster.kill()
        #expect(!processIsAlive(pid))
        #expect(!cluster.isRunning)
        try cluster.restart()
        #expect(try cluster.psql("SELECT count(*) FROM durable") == "1000")
        #expect(cluster.postmasterPID != pid)
    }

    @Test func aPasswordClusterRefusesAWrongPasswordAndAcceptsTheRightOne() throws {
        let cluster = try PostgresCluster.start(.init(password: "correct horse", fsync: false))
        defer { cluster.remove() }
        let socket = cluster.conninfo(database: "postgres")
        #expect(!socket.contains("password"))
        let wrong = #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1", conninfo: socket, password: "wrong") }
        #expect(wrong?.description.contains("password authentication failed") == true)
        #expect(throws: PostgresClusterError.self) { try cluster.psql("SELECT 1", conninfo: socket, password: nil) }
        #expect(try cluster.psql("SELECT 1", conninfo: socket, password: "correct horse") == "1")
        let withPassword = cluster.conninfo(database: "postgres", password: "correct horse")
        #expect(try cluster.psql("SELECT 2", conninfo: withPassword, password: nil) == "2")
        #expect(try cluster.psql("SELECT 3") == "3")
    }

    @Test func aTCPClusterAnswersOnTCP() throws {
        let cluster = try PostgresCluster.start(.init(listenTCP: "127.0.0.1", fsync: false))
        defer { cluster.remove() }
        let tcp = cluster.conninfo(database: "postgres", tcp: true)
        #expect(tcp.contains("host=127.0.0.1"))
        #expect(try cluster.psql("SELECT inet_server_addr()", conninfo: tcp, password: nil) == "127.0.0.1")
        #expect(try cluster.psql("SELECT inet_server_port()", conninfo: tcp, password: nil) == String(cluster.port))
        #expect(try cluster.psql("SELECT inet_server_addr() IS NULL") == "t")
    }

    @Test func extraSettingsReachTheServer() throws {
        let cluster = try PostgresCluster.start(.init(settings: ["work_mem": "8MB", "application_name": "it's a test"], fsync: false))
        defer { cluster.remove() }
        #expect(try cluster.psql("SHOW work_mem") == "8MB")
        #expect(try cluster.psql("SHOW fsync") == "off")
        try cluster.stop()
        try cluster.restart()
        #expect(try cluster.psql("SHOW work_mem") == "8MB")
    }

    @Test func removeLeavesNoProcessAndNoFolder() throws {
        let cluster = try PostgresCluster.start(.init(fsync: false))
        let pid = try #require(cluster.postmasterPID)
        let backends = try cluster.psql("SELECT count(*) FROM pg_stat_activity")
        #expect(Int(backends) ?? 0 >= 1)
        cluster.remove()
        #expect(!processIsAlive(pid))
        #expect(!FileManager.default.fileExists(atPath: cluster.folder))
        #expect(throws: PostgresClusterError.self) { try cluster.restart() }
    }

    @Test func droppingTheLastReferenceStopsTheServer() throws {
        var cluster: PostgresCluster? = try PostgresCluster.start(.init(fsync: false))
        let pid = try #require(cluster?.postmasterPID)
        let folder = try #require(cluster?.folder)
        cluster = nil
        #expect(!processIsAlive(pid))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// Whether a process runs (a zombie nobody reaped yet does not).
private func processIsAlive(_ pid: pid_t) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let nameEnd = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: nameEnd)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
}

private func ownerUID(of pid: pid_t) throws -> uid_t {
    let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
    let line = try #require(status.split(separator: "\n").first { $0.hasPrefix("Uid:") })
    return try #require(uid_t(line.split(whereSeparator: { $0 == "\t" || $0 == " " })[1]))
}
