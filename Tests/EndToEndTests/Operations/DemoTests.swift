import Foundation
import Testing

@Suite("The demo")
struct DemoTests {
    @Test("a shortened demo runs the whole programme and ends with certificates and the county report")
    func shortenedDemo() throws {
        let daemon = try LiveDaemon()
        let demo = LiveDaemon.binDirectory.appendingPathComponent("yanxiu-demo").path
        let result = try run(demo, ["--socket", daemon.socketPath, "--teachers", "12"])
        #expect(result.status == 0, "\(result.output)")
        let output = result.output
        #expect(output.contains("12 enrolled"))
        // Every cheat meets the answer the daemon gives it.
        for (viewer, answer) in [("seeksToEnd", "seek"), ("tooFast", "too_fast"), ("twoAtOnce", "playback.concurrent"),
                                 ("replays", "duplicate"), ("skipsQuiz", "after_quiz_before_pass")] {
            let line = output.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(viewer) }
            #expect(line?.contains(answer) == true, "\(viewer): \(line ?? "missing")")
        }
        #expect(output.contains("VALID"))
        #expect(!output.contains("NOT VALID"))
        let total = try #require(output.split(separator: "\n").first { $0.contains("合计") })
        let figures = total.split(separator: " ").dropFirst().compactMap { Int($0) }
        #expect(figures.first == 12, "\(total)")
        // The certificates the report counts are those the demo issued.
        let issued = try #require(output.split(separator: "\n").first { $0.contains("issued ") && $0.contains("already held") })
        let count = issued.split(separator: " ").dropFirst().first.flatMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }
        #expect(figures.count == 8 && figures[7] == count && (count ?? 0) > 0, "\(total) / \(issued)")
    }
}
