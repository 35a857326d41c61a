import Foundation

/// Compact binary form of the progress state kept in SQLite.
///
/// Heartbeats store this state at every accepted call, so its encoding is on the hot path;
/// a varint layout costs a fraction of JSON. The first byte is a format version.
enum StateCodec {
    static let version: UInt8 = 1

    struct Malformed: Error {}

    static func encode(_ progress: LessonProgress) -> Data {
        var w = Writer()
        w.byte(version)
        w.intervals(progress.beforeQuiz)
        w.intervals(progress.afterQuiz)
        w.int(progress.carryMs)
        w.int(progress.studyMs)
        for value in [progress.startedAt, progress.lastHeartbeatAt, progress.lastCreditedAt, progress.quizReachedAt, progress.quizPassedAt, progress.completedAt] {
            w.optional(value)
        }
        return Data(w.bytes)
    }

    static func decodeProgress(_ data: Data) throws -> LessonProgress {
        var r = Reader(bytes: [UInt8](data))
        guard try r.byte() == version else { throw Malformed() }
        var progress = LessonProgress(jitterAllowanceMs: 0)
        progress.beforeQuiz = try r.intervals()
        progress.afterQuiz = try r.intervals()
        progress.carryMs = try r.int()
        progress.studyMs = try r.int()
        progress.startedAt = try r.optional()
        progress.lastHeartbeatAt = try r.optional()
        progress.lastCreditedAt = try r.optional()
        progress.quizReachedAt = try r.optional()
        progress.quizPassedAt = try r.optional()
        progress.completedAt = try r.optional()
        return progress
    }

    static func encode(_ tracker: PlaybackTracker) -> Data {
        var w = Writer()
        w.byte(version)
        w.optionalString(tracker.playingLessonId)
        w.int(Int64(tracker.lessons.count))
        for lesson in tracker.lessons {
            w.string(lesson.lessonId)
            w.string(lesson.current.playbackId)
            w.int(lesson.current.lastSeq)
            w.int(lesson.current.lastPositionMs)
            w.byte(UInt8(PlaybackState.allCases.firstIndex(of: lesson.current.lastState)!))
            w.int(lesson.current.lastHeardAt)
            w.int(Int64(lesson.retired.count))
            for id in lesson.retired { w.string(id) }
        }
        return Data(w.bytes)
    }

    static func decodeTracker(_ data: Data) throws -> PlaybackTracker {
        var r = Reader(bytes: [UInt8](data))
        guard try r.byte() == version else { throw Malformed() }
        var tracker = PlaybackTracker()
        tracker.playingLessonId = try r.optionalString()
        let count = try r.count()
        for _ in 0..<count {
            let lessonId = try r.string()
            let playbackId = try r.string()
            let seq = try r.int(), position = try r.int()
            let stateIndex = Int(try r.byte())
            guard stateIndex < PlaybackState.allCases.count else { throw Malformed() }
            let heard = try r.int()
            var retired: [String] = []
            for _ in 0..<(try r.count()) { retired.append(try r.string()) }
            tracker.lessons.append(.init(
                lessonId: lessonId,
                current: .init(playbackId: playbackId, lastSeq: seq, lastPositionMs: position, lastState: PlaybackState.allCases[stateIndex], lastHeardAt: heard),
                retired: retired))
        }
        return tracker
    }

    /// Appends zigzag varints and length-prefixed UTF-8.
    struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ b: UInt8) { bytes.append(b) }

        mutating func int(_ value: Int64) {
            var v = UInt64(bitPattern: (value << 1) ^ (value >> 63))
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }

        mutating func optional(_ value: Int64?) {
            if let value { byte(1); int(value) } else { byte(0) }
        }

        mutating func string(_ s: String) {
            int(Int64(s.utf8.count))
            bytes.append(contentsOf: s.utf8)
        }

        mutating func optionalString(_ s: String?) {
            if let s { byte(1); string(s) } else { byte(0) }
        }

        mutating func intervals(_ set: IntervalSet) {
            int(Int64(set.flat.count))
            var previous: Int64 = 0
            // Bounds are sorted, so deltas stay small.
            for bound in set.flat {
                int(bound - previous)
                previous = bound
            }
        }
    }

    /// Reads what `Writer` wrote, refusing truncated or inconsistent input.
    struct Reader {
        let bytes: [UInt8]
        var index = 0

        mutating func byte() throws -> UInt8 {
            guard index < bytes.count else { throw Malformed() }
            defer { index += 1 }
            return bytes[index]
        }

        mutating func int() throws -> Int64 {
            var result: UInt64 = 0
            var shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw Malformed() }
                result |= UInt64(b & 0x7F) << shift
                if b < 0x80 { break }
                shift += 7
            }
            return Int64(bitPattern: result >> 1) ^ -Int64(bitPattern: result & 1)
        }

        mutating func count() throws -> Int {
            let n = try int()
            guard n >= 0, n <= bytes.count - index + 1 else { throw Malformed() }
            return Int(n)
        }

        mutating func optional() throws -> Int64? { try byte() == 1 ? try int() : nil }

        mutating func string() throws -> String {
            let n = try count()
            guard index + n <= bytes.count, let s = String(validating: bytes[index..<index + n], as: UTF8.self) else { throw Malformed() }
            index += n
            return s
        }

        mutating func optionalString() throws -> String? { try byte() == 1 ? try string() : nil }

        mutating func intervals() throws -> IntervalSet {
            let n = try count()
            var flat: [Int64] = []
            flat.reserveCapacity(n)
            var previous: Int64 = 0
            for _ in 0..<n {
                previous += try int()
                flat.append(previous)
            }
            guard let set = IntervalSet(flat: flat) else { throw Malformed() }
            return set
        }
    }
}
