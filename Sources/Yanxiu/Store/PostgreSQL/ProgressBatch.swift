import Foundation
import Postgres

/// The progress rows of many heartbeats, written in a few multi-row statements sent together.
///
/// Writes are versioned (see `ProgressWrite`). An account's writes in the batch are taken as one:
/// the first one's basis, the last one's stamp. The statements lock the accounts' playback states
/// in account order (two daemons writing the same accounts never deadlock), move each version from
/// its basis to its new stamp where the basis is still the last committed write, and then write the
/// lesson and journal rows only of accounts whose version moved; the last statement names the
/// accounts that did not, whose writes are stale and wrote nothing.
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
        let own = plan.statements()
        let results = try connection.pipeline(before + own + after)
        let staleAccounts = Set(results[before.count + own.count - 1].map { $0[0] as Int64 }).union(plan.broken)
        return Set(writes.filter { staleAccounts.contains($0.accountID) }.map(\.stamp))
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
    /// Accounts whose writes in the batch do not follow one another (a write judged on a state
    /// reloaded while an earlier one was in flight): none of them is sent, all are stale.
    let broken: Set<Int64>

    init(_ all: [ProgressWrite]) {
        var byAccount: [Int64: AccountChange] = [:]
        var broken = Set<Int64>()
        for write in all {
            guard var change = byAccount[write.accountID] else {
                byAccount[write.accountID] = AccountChange(
                    accountID: write.accountID, basis: write.basis, stamp: write.stamp, writes: 1, trackerState: write.trackerState, now: write.now)
                continue
            }
            if write.basis != change.stamp { broken.insert(write.accountID) }
            change.stamp = write.stamp
            change.writes += 1
            change.trackerState = write.trackerState ?? change.trackerState
            change.now = write.now
            byAccount[write.accountID] = change
        }
        self.broken = broken
        changes = byAccount.values.filter { !broken.contains($0.accountID) }.sorted { $0.accountID < $1.accountID }
        writes = all.filter { !broken.contains($0.accountID) }
    }

    func statements() -> [PostgresStatement] {
        [lock(), claim(), create(), lessons()] + [journal()].compactMap { $0 } + [stale()]
    }

    private var stampOfAccount: [Int64: Int64] {
        Dictionary(uniqueKeysWithValues: changes.map { ($0.accountID, $0.stamp) })
    }

    private var changeArguments: [any PostgresBindable] {
        [
            changes.map(\.accountID), changes.map(\.basis), changes.map(\.stamp), changes.map(\.writes),
            changes.map { $0.trackerState != nil }, PostgresByteaArray(changes.map { $0.trackerState ?? Data() }), changes.map(\.now),
        ]
    }

    private static let changeColumns = """
        unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::boolean[], $6::bytea[], $7::bigint[])
            AS u(account_id, basis, stamp, writes, changed, state, updated_at)
        """

    /// Row locks on the accounts' playback states, taken in account order.
    private func lock() -> PostgresStatement {
        PostgresStatement("SELECT 1 FROM playback_state WHERE account_id = ANY($1::bigint[]) ORDER BY account_id FOR UPDATE",
                          [changes.map(\.accountID)])
    }

    /// Each version whose last write is still the basis moves to the new stamp.
    private func claim() -> PostgresStatement {
        PostgresStatement("""
            UPDATE playback_state p SET
                state = CASE WHEN u.changed THEN u.state ELSE p.state END, updated_at = u.updated_at,
                version = p.version + u.writes, writer = u.stamp
            FROM \(Self.changeColumns)
            WHERE p.account_id = u.account_id AND p.writer = u.basis
            """, changeArguments)
    }

    /// Accounts never written get their playback state, when the writes were judged on none.
    private func create() -> PostgresStatement {
        PostgresStatement("""
            INSERT INTO playback_state (account_id, state, updated_at, version, writer)
            SELECT u.account_id, CASE WHEN u.changed THEN u.state ELSE $8::bytea END, u.updated_at, u.writes, u.stamp
            FROM \(Self.changeColumns)
            WHERE u.basis = 0
            ON CONFLICT (account_id) DO NOTHING
            """, changeArguments + [StateCodec.encode(PlaybackTracker())])
    }

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

    private static let written = "EXISTS (SELECT 1 FROM playback_state p WHERE p.account_id = u.account_id AND p.writer = u.stamp)"

    private func lessons() -> PostgresStatement {
        let rows = lastOfEach { LessonKey(accountID: $0.accountID, lessonId: $0.lessonId) }
        let stamps = stampOfAccount
        return PostgresStatement("""
            INSERT INTO lesson_progress (account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at)
            SELECT u.account_id, u.lesson_id, u.topic_id, u.state, u.study_ms, u.quiz_passed_at, u.completed_at, u.updated_at
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bytea[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[], $9::bigint[])
                AS u(account_id, lesson_id, topic_id, state, study_ms, quiz_passed_at, completed_at, updated_at, stamp)
            WHERE \(Self.written)
            ON CONFLICT (account_id, lesson_id) DO UPDATE SET
                state = excluded.state, study_ms = excluded.study_ms, quiz_passed_at = excluded.quiz_passed_at,
                completed_at = excluded.completed_at, updated_at = excluded.updated_at
            """, [
                rows.map(\.accountID), rows.map(\.lessonId), rows.map(\.topicId), PostgresByteaArray(rows.map(\.progressState)),
                rows.map(\.progress.studyMs), rows.map(\.progress.quizPassedAt), rows.map(\.progress.completedAt), rows.map(\.now),
                rows.map { stamps[$0.accountID] ?? 0 },
            ])
    }

    private func journal() -> PostgresStatement? {
        let rows = writes.filter { $0.journal != nil }
        guard !rows.isEmpty else { return nil }
        let entries = rows.compactMap(\.journal)
        let stamps = stampOfAccount
        return PostgresStatement("""
            INSERT INTO heartbeat (account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms)
            SELECT u.account_id, u.lesson_id, u.playback_id, u.seq, u.position_ms, u.state, u.rate, u.at, u.verdict, u.credited_ms
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[], $5::bigint[], $6::text[], $7::float8[],
                        $8::bigint[], $9::text[], $10::bigint[], $11::bigint[])
                WITH ORDINALITY AS u(account_id, lesson_id, playback_id, seq, position_ms, state, rate, at, verdict, credited_ms, stamp, n)
            WHERE \(Self.written)
            ORDER BY u.n
            """, [
                rows.map(\.accountID), rows.map(\.lessonId), entries.map(\.playbackId), entries.map(\.seq),
                entries.map(\.positionMs), entries.map(\.state), entries.map(\.rate), entries.map(\.at),
                entries.map(\.verdict), entries.map(\.creditedMs), rows.map { stamps[$0.accountID] ?? 0 },
            ])
    }

    /// The accounts whose version did not move to their new stamp: their writes were stale.
    private func stale() -> PostgresStatement {
        PostgresStatement("""
            SELECT u.account_id FROM unnest($1::bigint[], $2::bigint[]) AS u(account_id, stamp)
            WHERE NOT \(Self.written)
            """, [changes.map(\.accountID), changes.map(\.stamp)])
    }
}
