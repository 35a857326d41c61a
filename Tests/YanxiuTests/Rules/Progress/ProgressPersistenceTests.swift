import Foundation
import Testing
@testable import Yanxiu

/// The persisted state survives a JSON round trip unchanged, in a compact form.
@Suite("Progress persistence")
struct ProgressPersistenceTests {
    @Test("lesson progress and tracker round-trip through JSON")
    func roundTrip() throws {
        var learner = LearnerHarness(rules: ["A": makeLessonRules(), "B": makeLessonRules()])
        var seq: Int64 = 1
        learner.beat("A", seq: seq, at: 0)
        learner.play("A", seq: &seq, from: 0, to: 900_000)
        _ = learner.passQuiz("A")
        learner.play("A", seq: &seq, from: 900_000, to: 1_000_000)
        learner.advance(1_000)
        learner.beat("A", playback: "p2", seq: 1, at: 1_000_000, .paused)
        learner.advance(1_000)
        learner.beat("B", playback: "b", seq: 1, at: 0)

        let progress = learner.progress["A"]!
        let decodedProgress = try JSONDecoder().decode(LessonProgress.self, from: JSONEncoder().encode(progress))
        #expect(decodedProgress == progress)
        let decodedTracker = try JSONDecoder().decode(PlaybackTracker.self, from: JSONEncoder().encode(learner.tracker))
        #expect(decodedTracker == learner.tracker)

        // Coverage is stored as flat integer arrays.
        let json = String(decoding: try JSONEncoder().encode(progress), as: UTF8.self)
        #expect(json.contains("\"beforeQuiz\":[0,900000]"))
        #expect(json.contains("\"afterQuiz\":[900000,1000000]"))
    }

    @Test("a stored carry above a lowered allowance is never used beyond it")
    func carryClampedOnRead() {
        var learner = LearnerHarness(rules: makeLessonRules(jitterAllowanceMs: 1_000))
        learner.beat(seq: 1, at: 0)
        learner.progress["L1"]!.carryMs = 5_000
        learner.advance(10_000)
        #expect(learner.beat(seq: 2, at: 11_001).verdict == .tooFast)
        #expect(learner.progress["L1"]!.carryMs == 1_000)
    }
}
