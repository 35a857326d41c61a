import Foundation
import Testing
@testable import Yanxiu

@Suite("IntervalSet")
struct IntervalSetTests {
    struct InsertCase: Sendable, CustomTestStringConvertible {
        var name: String
        var inserts: [Range<Int64>]
        var newly: [Int64]
        var flat: [Int64]
        var testDescription: String { name }
    }

    static let insertCases: [InsertCase] = [
        .init(name: "single", inserts: [0..<10], newly: [10], flat: [0, 10]),
        .init(name: "empty range ignored", inserts: [5..<5], newly: [0], flat: []),
        .init(name: "disjoint ascending", inserts: [0..<10, 20..<30], newly: [10, 10], flat: [0, 10, 20, 30]),
        .init(name: "disjoint descending", inserts: [20..<30, 0..<10], newly: [10, 10], flat: [0, 10, 20, 30]),
        .init(name: "adjacent after merges", inserts: [0..<10, 10..<20], newly: [10, 10], flat: [0, 20]),
        .init(name: "adjacent before merges", inserts: [10..<20, 0..<10], newly: [10, 10], flat: [0, 20]),
        .init(name: "overlap tail", inserts: [0..<10, 5..<15], newly: [10, 5], flat: [0, 15]),
        .init(name: "overlap head", inserts: [5..<15, 0..<10], newly: [10, 5], flat: [0, 15]),
        .init(name: "contained adds nothing", inserts: [0..<100, 10..<20], newly: [100, 0], flat: [0, 100]),
        .init(name: "identical adds nothing", inserts: [0..<10, 0..<10], newly: [10, 0], flat: [0, 10]),
        .init(name: "covering swallows several", inserts: [10..<20, 30..<40, 50..<60, 0..<100],
              newly: [10, 10, 10, 70], flat: [0, 100]),
        .init(name: "bridge two touching both", inserts: [0..<10, 20..<30, 10..<20],
              newly: [10, 10, 10], flat: [0, 30]),
        .init(name: "bridge overlapping partially", inserts: [0..<10, 20..<30, 40..<50, 5..<45],
              newly: [10, 10, 10, 20], flat: [0, 50]),
        .init(name: "insert in middle gap", inserts: [0..<10, 40..<50, 20..<30],
              newly: [10, 10, 10], flat: [0, 10, 20, 30, 40, 50]),
        .init(name: "extends first of many", inserts: [0..<10, 20..<30, 40..<50, 5..<15],
              newly: [10, 10, 10, 5], flat: [0, 15, 20, 30, 40, 50]),
        .init(name: "extends last backwards", inserts: [0..<10, 20..<30, 15..<25],
              newly: [10, 10, 5], flat: [0, 10, 15, 30]),
        .init(name: "negative positions", inserts: [-10..<0, 0..<10], newly: [10, 10], flat: [-10, 10]),
    ]

    @Test("insert merges and reports newly covered ms", arguments: insertCases)
    func insert(_ c: InsertCase) {
        var set = IntervalSet()
        let newly = c.inserts.map { set.insert($0) }
        #expect(newly == c.newly)
        #expect(set.flat == c.flat)
        #expect(set.coveredLength == c.newly.reduce(0, +))
    }

    struct RangeCase: Sendable {
        var range: Range<Int64>
        var covered: Int64
    }

    // Set: [10, 20) [30, 40) [50, 60)
    static let rangeCases: [RangeCase] = [
        .init(range: 0..<100, covered: 30),
        .init(range: 0..<10, covered: 0),
        .init(range: 0..<11, covered: 1),
        .init(range: 15..<35, covered: 10),
        .init(range: 20..<30, covered: 0),
        .init(range: 19..<31, covered: 2),
        .init(range: 35..<55, covered: 10),
        .init(range: 60..<1000, covered: 0),
        .init(range: 55..<55, covered: 0),
        .init(range: 12..<18, covered: 6),
    ]

    @Test("covered and uncovered length within a range", arguments: rangeCases)
    func coverageInRange(_ c: RangeCase) {
        let set = IntervalSet([10..<20, 30..<40, 50..<60])
        #expect(set.coveredLength(in: c.range) == c.covered)
        #expect(set.uncoveredLength(in: c.range) == (c.range.upperBound - c.range.lowerBound) - c.covered)
    }

    struct ClampCase: Sendable {
        var range: Range<Int64>
        var flat: [Int64]
    }

    static let clampCases: [ClampCase] = [
        .init(range: 0..<100, flat: [10, 20, 30, 40, 50, 60]),
        .init(range: 15..<55, flat: [15, 20, 30, 40, 50, 55]),
        .init(range: 20..<30, flat: []),
        .init(range: 35..<36, flat: [35, 36]),
        .init(range: 40..<50, flat: []),
        .init(range: 25..<45, flat: [30, 40]),
        .init(range: 12..<12, flat: []),
        .init(range: 70..<80, flat: []),
    ]

    @Test("clamp keeps only what lies in the range", arguments: clampCases)
    func clamp(_ c: ClampCase) {
        let set = IntervalSet([10..<20, 30..<40, 50..<60]).clamped(to: c.range)
        #expect(set.flat == c.flat)
        #expect(set.coveredLength == IntervalSet(flat: c.flat)!.coveredLength)
    }

    @Test("contains is half-open")
    func containsIsHalfOpen() {
        let set = IntervalSet([10..<20, 30..<40])
        #expect(!set.contains(9))
        #expect(set.contains(10))
        #expect(set.contains(19))
        #expect(!set.contains(20))
        #expect(set.contains(30))
        #expect(!set.contains(40))
    }

    @Test("tolerance: a gap no longer than the tolerance leaves the rest complete", arguments: [
        (gapMs: Int64(0), tolerance: Int64(3_000), complete: true),
        (gapMs: 2_999, tolerance: 3_000, complete: true),
        (gapMs: 3_000, tolerance: 3_000, complete: true),
        (gapMs: 3_001, tolerance: 3_000, complete: false),
        (gapMs: 1, tolerance: 0, complete: false),
    ])
    func tolerance(gapMs: Int64, tolerance: Int64, complete: Bool) {
        let after: Range<Int64> = 900_000..<1_500_000
        let set = IntervalSet([900_000..<1_200_000, (1_200_000 + gapMs)..<1_500_000])
        #expect((set.uncoveredLength(in: after) <= tolerance) == complete)
    }

    @Test("flat form round-trips and is canonical")
    func flatForm() throws {
        let set = IntervalSet([30..<40, 0..<10, 10..<15])
        #expect(set.flat == [0, 15, 30, 40])
        #expect(IntervalSet(flat: set.flat) == set)
        // Non-canonical input is normalised; malformed input refused.
        #expect(IntervalSet(flat: [30, 40, 0, 10, 10, 15, 5, 5])?.flat == [0, 15, 30, 40])
        #expect(IntervalSet(flat: [0, 10, 5, 20])?.flat == [0, 20])
        #expect(IntervalSet(flat: [0, 10, 10, 20])?.flat == [0, 20])
        #expect(IntervalSet(flat: [1, 2, 3]) == nil)
        #expect(IntervalSet(flat: [5, 1]) == nil)
    }

    @Test("Codable uses a flat integer array")
    func codable() throws {
        let set = IntervalSet([0..<10, 20..<30])
        let json = String(decoding: try JSONEncoder().encode(set), as: UTF8.self)
        #expect(json == "[0,10,20,30]")
        #expect(try JSONDecoder().decode(IntervalSet.self, from: Data("[0,10,20,30]".utf8)) == set)
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IntervalSet.self, from: Data("[0,10,20]".utf8))
        }
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(IntervalSet.self, from: Data("[10,0]".utf8))
        }
    }

    @Test("random inserts agree with a bitmap model", arguments: 0..<40)
    func randomAgainstBitmap(seed: UInt64) {
        var rng = ProgressTestRNG(seed: seed)
        let size = 400
        var bitmap = [Bool](repeating: false, count: size)
        var set = IntervalSet()
        for _ in 0..<Int.random(in: 1...120, using: &rng) {
            let a = Int.random(in: 0..<size, using: &rng)
            let b = min(size, a + Int.random(in: 0...60, using: &rng))
            let expectedNew = (a..<b).filter { !bitmap[$0] }.count
            for i in a..<b { bitmap[i] = true }
            #expect(set.insert(Int64(a)..<Int64(b)) == Int64(expectedNew))
        }
        #expect(set.coveredLength == Int64(bitmap.filter { $0 }.count))
        // Canonical: sorted, non-empty, separated by real gaps.
        for i in 0..<set.count {
            #expect(set.flat[2 * i] < set.flat[2 * i + 1])
            if i > 0 { #expect(set.flat[2 * i - 1] < set.flat[2 * i]) }
        }
        for _ in 0..<20 {
            let a = Int.random(in: 0..<size, using: &rng)
            let b = Int.random(in: a...size, using: &rng)
            let range = Int64(a)..<Int64(b)
            #expect(set.coveredLength(in: range) == Int64((a..<b).filter { bitmap[$0] }.count))
            let clamped = set.clamped(to: range)
            #expect(clamped.coveredLength == set.coveredLength(in: range))
            #expect(clamped.coveredLength(in: 0..<Int64(size)) == clamped.coveredLength)
        }
        for point in 0..<size { #expect(set.contains(Int64(point)) == bitmap[point]) }
    }

    @Test("hundreds of scattered intervals stay fast and exact")
    func manyIntervals() {
        var set = IntervalSet()
        // 500 disjoint one-second spans, inserted in reverse, then bridged pairwise.
        for i in stride(from: 499, through: 0, by: -1) { set.insert(Int64(i) * 2_000..<Int64(i) * 2_000 + 1_000) }
        #expect(set.count == 500)
        #expect(set.coveredLength == 500_000)
        var added: Int64 = 0
        for i in 0..<250 { added += set.insert(Int64(i) * 4_000 + 1_000..<Int64(i) * 4_000 + 2_000) }
        #expect(added == 250_000)
        #expect(set.count == 250)
        #expect(set.coveredLength(in: 0..<1_000_000) == 750_000)
    }
}
