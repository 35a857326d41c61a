import Testing
@testable import Yanxiu

@Suite("A lesson's coverage keeps a bounded number of pieces")
struct IntervalBoundTests {
    @Test("isolated: neither overlapping nor touching an interval", arguments: [
        (0..<5, false), (5..<10, false), (5..<9, true), (10..<20, false), (12..<15, false), (20..<25, false), (21..<25, true),
        (25..<30, false), (31..<35, false), (32..<35, true), (0..<40, false), (35..<35, false),
    ] as [(Range<Int64>, Bool)])
    func isolated(_ range: Range<Int64>, _ expected: Bool) {
        let set = IntervalSet([0..<4, 10..<20, 30..<31])
        #expect(set.isIsolated(range) == expected)
    }

    @Test("at the bound a new piece is not added, and nothing else changes")
    func newPieceRefused() {
        var set = IntervalSet((0..<4).map { Int64($0) * 10..<Int64($0) * 10 + 5 })
        let before = set
        #expect(set.insertBounded(100..<105, limit: 4) == 0)
        #expect(set == before)
        // Extending, overlapping and bridging pieces still count, and never lose coverage.
        #expect(set.insertBounded(5..<7, limit: 4) == 2)
        #expect(set.insertBounded(33..<40, limit: 4) == 5)
        #expect(set.insertBounded(7..<10, limit: 4) == 3)
        #expect(set.count == 3)
        #expect(set.insertBounded(100..<105, limit: 4) == 5)
        #expect(set.count == 4)
    }

    @Test("random inserts: coverage never shrinks, never exceeds what was inserted, and the bound holds")
    func randomInserts() {
        var generator = ProgressTestRNG(seed: 12)
        for _ in 0..<200 {
            var bounded = IntervalSet()
            var exact = IntervalSet()
            let limit = Int.random(in: 1...8, using: &generator)
            for _ in 0..<60 {
                let start = Int64.random(in: 0..<1_000, using: &generator)
                let range = start..<start + Int64.random(in: 1...40, using: &generator)
                let previous = bounded
                let added = bounded.insertBounded(range, limit: limit)
                exact.insert(range)
                #expect(bounded.coveredLength == previous.coveredLength + added)
                #expect(previous.ranges.allSatisfy { bounded.coveredLength(in: $0) == $0.count })
                #expect(bounded.ranges.allSatisfy { exact.coveredLength(in: $0) == $0.count })
                #expect(bounded.count <= max(limit, previous.count))
            }
        }
    }

    @Test("10,000 heartbeats of alternating seeks and small rewinds keep the record small")
    func alternatingRewinds() throws {
        let rules = makeLessonRules(durationMs: 20_000_000, quizAtMs: 19_000_000)
        var learner = LearnerHarness(rules: rules)
        var position: Int64 = 16_000_000
        for seq in Int64(1)...10_000 {
            // Play 1 s, rewind 4 s: every played second lands 2 s before the previous one.
            position += seq % 2 == 0 ? 1_000 : -4_000
            learner.advance(1_000)
            learner.beat(seq: seq, at: position)
        }
        #expect(learner.creditedMs() == Int64(IntervalSet.maxIntervals) * 1_000)
        let progress = try #require(learner.progress["L1"])
        #expect(progress.beforeQuiz.count <= IntervalSet.maxIntervals)
        #expect(StateCodec.encode(progress).count < 16_384)
    }
}
