import Foundation
import Postgres

/// The progress rows of many heartbeats, written by one statement.
///
/// Writes are versioned (see `ProgressWrite`). An account's writes in the batch are taken as one:
/// the first one's basis, the last one's stamp. The statement upserts the accounts' playback
/// states in account order (two daemons writing the same accounts never deadlock), moving each
/// version from its basis to its new stamp only where the basis is still the last committed write;
/// it writes the lesson and journal rows only of accounts whose version moved, and returns the
/// accounts whose version did not: their writes are stale and wrote nothing.
///
/// Every row is found through a unique index (`ON CONFLICT` arbitration), and the accounts that
/// moved are passed on through `RETURNING`, never found again by a join: a join's plan depends on
/// the table's statistics, and a plan made while the table was small scans it whole, once per
/// batch, until the statistics catch up.
///
/// One batch of the writer may hold several heartbeats of the same lesson; only the last state is
/// written, since an upsert may not touch one row twice in a statement and the last carries
/// everything the earlier ones did. Every journal entry is kept, in order.
struct ProgressBatch {
    private var writes: [ProgressWrite] = []

    var isEmpty: Bool { writes.isEmpty }

    /// The stamps of the writes in the batch.
    var stamps: [Int64] { writes.map(\.stamp) }

    /// Whether the writes concern more than one account.
    var spansAccounts: Bool { Set(writes.map(\.accountID)).count > 1 }

    mutating func append(_ write: ProgressWrite) {
        writes.append(write)
    }

    mutating func append(contentsOf other: ProgressBatch) {
        writes.append(contentsOf: other.writes)
    }

    /// Sends `before`, the batch's statements and `after` in one round trip; returns the stamps
    /// of the batch's writes that were stale, and so wrote nothing.
    func send(on connection: PostgresConnection, before: [PostgresStatement] = [], after: [PostgresStatement] = []) throws -> Set<Int64> {
        guard !writes.isEmpty else {
            if !(before + after).isEmpty { try connection.pipeline(before + after) }
            return []
        }
        let plan = Plan(writes)
        let results = try connection.pipeline(before + [plan.statement()] + after)
        let staleAccounts = Set(results[before.count].map { $0[0] as Int64 })
        return Set(plan.writes.filter { staleAccounts.contains($0.accountID) }.map(\.stamp)).union(plan.offChain)
    }
}

/// One account's writes in a batch, as one change of its version.
private struct AccountChange {
    let accountID: Int64
    /// The first write's basis.
    let basis: Int64
    /// The last write's stamp.
    var stamp: Int64
    var writes: Int64
    /// The last playback state among the writes, if any carried one.
    var trackerState: Data?
    var now: Int64
}

/// The statements of one batch, its writes grouped by account.
private struct Plan {
    let writes: [ProgressWrite]
    /// Accounts in account order, each with its change.
    let changes: [AccountChange]
    /// Stamps of writes that do not follow the account's earlier writes in the batch: judged on a
    /// state other than the one those writes leave (another pool's copy of the account, or a state
    /// reloaded while an earlier write was in flight). They are not sent and are stale; the
    /// account's first write and those chained on it go ahead, so two copies racing in one batch
    /// cost one of them a second judgement, not both.
    let offChain: Set<Int64>

    init(_ all: [ProgressWrite]) {
        var byAccount: [Int64: AccountChange] = [:]
        var offChain = Set<Int64>()
        var kept: [ProgressWrite] = []
        for write in all {
            guard var change = byAccount[write.accountID] else {
                byAccount[write.accountID] = AccountChange(
                    accountID: write.accountID, basis: write.basis, stamp: write.stamp, writes: 1, trackerState: write.trackerState, now: write.now)
                kept.append(write)
                continue
            }
            guard write.basis == change.stamp else {
                offChain.insert(write.stamp)
                continue
            }
            change.stamp = write.stamp
            change.writes += 1
            change.trackerState = write.trackerState ?? change.trackerState
            change.now = write.now
            byAccount[write.accountID] = change
            kept.append(write)
        }
        self.offChain = offChain
        changes = byAccount.values.sorted { $0.accountID < $1.accountID }
        writes = kept
    }

    /// The batch's one statement; its rows are the accounts whose writes were stale.
    func statement() -> PostgresStatement {
        let lessons = lastOfEach { LessonKey(accountID: $0.accountID, lessonId: $0.lessonId) }
        let journaled = writes.filter { $0.journal != nil }
        let entries = journaled.compactMap(\.journal)
        let changeArguments: [any PostgresBindable] = [
            changes.map(\.accountID), changes.map(\.basis), changes.map(\.stamp), changes.map(\.writes),
            changes.map { $0.trackerState != nil }, PostgresByteaArray(changes.map { $0.trackerState ?? Data() }), changes.map(\.now),
            StateCodec.encode(PlaybackTracker()),
        ]
        let lessonArguments: [any PostgresBindable] = [
            lessons.map(\.accountID), lessons.map(\.lessonId), lessons.map(\.topicId), PostgresByteaArray(lessons.map(\.progressState)),
            lessons.map(\.progress.studyMs), lessons.map(\.progress.quizPassedAt), lessons.map(\.progress.completedAt), lessons.map(\.now),
        ]
        let journalArguments: [any PostgresBindable] = [
            journaled.map(\.accountID), journaled.map(\.lessonId), entries.map(\.playbackId), entries.map(\.seq),
            entries.map(\.positionMs), entries.map(\.state), entries.map(\.rate), entries.map(\.at),
            entries.map(\.verdict), entries.map(\.creditedMs),
        ]
        return PostgresStatement(Self.sql, changeArguments + lessonArguments + journalArguments)
    }

    /// A playback state moves when its last write is still the change's basis; an account never
    /// written gets one when the change was judged on none (basis 0). Playback states are never
    /// deleted, so a row missing under a later basis does not arise.
    private static let sql = """
        WITH u AS (
            SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::boolean[], $6::bytea[], $7::bigint[])
                AS u(account_id, basis, stamp, writes, changed, state, updated_at)
        ), moved AS (
            INSERT INTO playback_state AS p (account_id, state, updated_at, version, writer)
            SELECT u.account_id, CASE WHEN u.changed THEN u.state ELSE $8::bytea END, u.updated_at, u.writes, u.stamp
            FROM u ORDER BY u.account_id
            ON CONFLICT (account_id) DO UPDATE SET
                state = CASE WHEN (SELECT c.changed FROM u c WHERE c.account_id = excluded.account_id) THEN excluded.state ELSE p.state END,
                updated_at = excluded.updated_at, version = p.version + excluded.version, writer = excluded.writer
            WHERE p.writer = (SELECT c.basis FROM u c WHERE c.account_id = excluded.account_id)
            RETURNING p.account_id
        ), lessons AS (
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            SELECT l.account_id, l.lesson_id, l.topic_id, l.state, l.study_ms, l.quiz_passed_at, l.completed_at, l.updated_at
            FROM unnest($9::bigint[], $10::text[], $11::text[], $12::bytea[], $13::bigint[], $14::bigint[], $15::bigint[], $16::bigint[])
                AS l(account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            WHERE l.account_id IN (SELECT account_id FROM moved)
            ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                state = excluded.state, study_ms = excluded.study_ms, quiz_passed_at = excluded.quiz_passed_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at
        ), journal AS (
            INSERT INTO heartbeat (account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms)
            SELECT j.account_id, j.lesson_id, j.playback_id, j.seq, j.position_ms, j.state, j.rate, j.at, j.verdict, j.credited_ms
            FROM unnest($17::bigint[], $18::text[], $19::text[], $20::bigint[], $21::bigint[], $22::text[], $23::float8[],
                        $24::bigint[], $25::text[], $26::bigint[])
                WITH ORDINALITY AS j(account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms, n)
            WHERE j.account_id IN (SELECT account_id FROM moved)
            ORDER BY j.n
        )
        SELECT u.account_id FROM u WHERE u.account_id NOT IN (SELECT account_id FROM moved)
        """

    private func lastOfEach<Key: Hashable>(_ key: (ProgressWrite) -> Key) -> [ProgressWrite] {
        var seen = Set<Key>()
        var kept: [ProgressWrite] = []
        for write in writes.reversed() where seen.insert(key(write)).inserted {
            kept.append(write)
        }
        return kept.reversed()
    }

    private struct LessonKey: Hashable {
        let accountID: Int64
        let lessonId: String
    }
}
