import Foundation
import Postgres

/// The progress rows of many heartbeats, written in three multi-row statements.
///
/// One batch of the writer may hold several heartbeats of the same lesson (or playback state);
/// only the last is written, since an upsert may not touch one row twice in a statement and the
/// last carries everything the earlier ones did. Every journal entry is kept, in order.
struct ProgressBatch {
    private var writes: [ProgressWrite] = []

    var isEmpty: Bool { writes.isEmpty }

    mutating func append(_ write: ProgressWrite) {
        writes.append(write)
    }

    mutating func append(contentsOf other: ProgressBatch) {
        writes.append(contentsOf: other.writes)
    }

    /// The statements that write every row: one each for lessons, playback states and the journal.
    func statements() -> [PostgresStatement] {
        guard !writes.isEmpty else { return [] }
        return [lessons(), playbacks(), journal()].compactMap { $0 }
    }

    private func lastOfEach<Key: Hashable>(_ key: (ProgressWrite) -> Key?) -> [ProgressWrite] {
        var seen = Set<Key>()
        var kept: [ProgressWrite] = []
        for write in writes.reversed() {
            guard let value = key(write), seen.insert(value).inserted else { continue }
            kept.append(write)
        }
        return kept.reversed()
    }

    private struct LessonKey: Hashable {
        let accountID: Int64
        let lessonId: String
    }

    private func lessons() -> PostgresStatement {
        let rows = lastOfEach { LessonKey(accountID: $0.accountID, lessonId: $0.lessonId) }
        return PostgresStatement("""
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
            ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                state = excluded.state, study_ms = excluded.study_ms, quiz_passed_at = excluded.quiz_passed_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at
            """, [
                rows.map(\.accountID), rows.map(\.lessonId), rows.map(\.topicId), PostgresByteaArray(rows.map(\.progressState)),
                rows.map(\.progress.studyMs), rows.map(\.progress.quizPassedAt), rows.map(\.progress.completedAt), rows.map(\.now),
            ])
    }

    private func playbacks() -> PostgresStatement? {
        let rows = lastOfEach { $0.trackerState == nil ? nil : $0.accountID }
        guard !rows.isEmpty else { return nil }
        return PostgresStatement("""
            INSERT INTO playback_state (account_id, state, updated_at)
            SELECT * FROM unnest($1::bigint[], $2::bytea[], $3::bigint[])
            ON CONFLICT (account_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
            """, [rows.map(\.accountID), PostgresByteaArray(rows.compactMap(\.trackerState)), rows.map(\.now)])
    }

    private func journal() -> PostgresStatement? {
        let rows = writes.filter { $0.journal != nil }
        guard !rows.isEmpty else { return nil }
        let entries = rows.compactMap(\.journal)
        return PostgresStatement("""
            INSERT INTO heartbeat (account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms)
            SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::float8[],
                                 $8::bigint[], $9::text[], $10::bigint[])
            """, [
                rows.map(\.accountID), rows.map(\.lessonId), entries.map(\.playbackId), entries.map(\.seq),
                entries.map(\.positionMs), entries.map(\.state), entries.map(\.rate), entries.map(\.at),
                entries.map(\.verdict), entries.map(\.creditedMs),
            ])
    }
}
