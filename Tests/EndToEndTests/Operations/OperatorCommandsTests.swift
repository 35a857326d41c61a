import Foundation
import JSONRPC
import Testing

@Suite("yanxiuctl commands for the remaining operator methods")
struct OperatorCommandsTests {
    @Test("progress show and heartbeats show a teacher's hours, lessons and the verdicts behind them")
    func progressCommands() throws {
        let fixture = try ReportFixture.shared.get()
        let teacher = String(fixture.teachers["王芳"]!.userID)
        let inspect = try fixture.yanxiuctl(["--json", "progress", "show", "--user", teacher, "--topic", "mh-2023-winter"])
        #expect(inspect.status == 0)
        let summary = try JSONParser.parse(inspect.output)
        #expect(summary["recognisedHours"]?.doubleValue == 10 && summary["qualifies"] == true)
        let lesson = try #require(summary["lessons"]?.arrayValue?.first?["lessonId"]?.stringValue)
        let table = try fixture.yanxiuctl(["progress", "show", "--user", teacher, "--topic", "mh-2023-winter"])
        #expect(table.status == 0)
        #expect(table.output.contains("recognised 10 h") && table.output.contains(lesson) && table.output.contains("completed"))
        let beats = try fixture.yanxiuctl(["heartbeats", "--user", teacher, "--lesson", lesson, "--limit", "5"])
        #expect(beats.status == 0)
        let lines = beats.output.split(separator: "\n")
        #expect(lines.count == 7, "header, rule and the five newest heartbeats")
        #expect(lines.first?.hasPrefix("at") == true && lines.last?.contains("credited") == true)
    }

    @Test("clock set and advance move the test clock; log-level changes the level")
    func clockAndLogLevel() throws {
        let daemon = try LiveDaemon()
        let set = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "--json", "clock", "set", "2023-03-01T00:00:00+08:00"])
        #expect(try JSONParser.parse(set.output)["now"] == "2023-02-28T16:00:00Z")
        let advanced = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "--json", "clock", "advance", "90"])
        #expect(try JSONParser.parse(advanced.output)["now"] == "2023-02-28T16:01:30Z")
        let level = try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath, "log-level", "debug"])
        #expect(level.output == "log level info -> debug\n")
    }
}
