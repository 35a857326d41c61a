import Dispatch
import Foundation
import JSONValues

/// The Dispatch worker pool that validates heartbeats and quiz submissions.
///
/// Each account always lands on the same serial lane (by hash), so its heartbeats are
/// judged in order while different accounts proceed in parallel. Accepted changes go
/// through the store's group-commit writer (`Store.submit`), and the caller is answered
/// after the commit. Callers prove the session first; the pool sees only account ids.
public final class HeartbeatPool: Sendable {
    let lanes: [ProgressLane]
    let store: any Store
    let clock: any DaemonClock
    public let lessons: LessonCache
    public let settings: ProgressSettings

    public init(store: any Store, clock: any DaemonClock, settings: ProgressSettings, laneCount: Int, queueLimit: Int) {
        self.store = store
        self.clock = clock
        self.settings = settings
        lessons = LessonCache(settings: settings, shared: store.isShared)
        lanes = (0..<max(laneCount, 1)).map { ProgressLane(index: $0, limit: queueLimit) }
    }

    /// How much work waits on each lane.
    public var queueDepths: [Int] { lanes.map(\.queueDepth) }

    func lane(for accountID: Int64) -> ProgressLane {
        // Fibonacci hashing spreads sequential account ids over the lanes.
        let mixed = UInt64(bitPattern: accountID) &* 0x9E37_79B9_7F4A_7C15
        return lanes[Int((mixed >> 32) % UInt64(lanes.count))]
    }
}

extension HeartbeatPool {
    /// How many times one heartbeat or quiz submission is judged: again after its write turned out
    /// stale, or after a refusal judged on a cached state of a shared store, each time on the state
    /// as stored. Then 503 `server.busy`.
    static let judgements = 3

    /// Loads what a lane needs for `lessonId` and the account, checking enrolment and the window.
    /// `fresh` tells whether the account's state was read from the store now rather than cached.
    func prepare(_ lane: ProgressLane, accountID: Int64, lessonId: String, now: Int64)
        throws -> (context: LessonContext, account: AccountProgressState, progress: LessonProgress, fresh: Bool) {
        guard let context = try lessons.context(lessonId, store: store) else {
            throw DomainError.notFound("lesson.unknown", "No lesson \(lessonId)")
        }
        let cached = lane.accounts[accountID]
        var account = try cached ?? store.readNow { tx in try AccountProgressState.load(tx.progress, accountID: accountID) }
        if cached == nil { account.generation = lane.nextGeneration() }
        if !account.enrolledTopics.contains(context.topicId) {
            guard try store.readNow({ tx in try AccountProgressState.mayStudy(tx.progress, accountID: accountID, topicId: context.topicId) }) else {
                throw DomainError.precondition("enrollment.required", "Enrol in topic \(context.topicId) first", data: ["topicId": .string(context.topicId)])
            }
            account.enrolledTopics.insert(context.topicId)
        }
        account.lastTouched = DispatchTime.now().uptimeNanoseconds
        lane.accounts[accountID] = account
        guard context.isOpen(at: now) else {
            throw DomainError.precondition("topic.window_closed", "The training window of \(context.topicId) is not open",
                                           data: ["windowStart": .string(Timestamp.format(context.windowStart)), "windowEnd": .string(Timestamp.format(context.windowEnd))])
        }
        let progress = try account.lessons[lessonId]
            ?? store.readNow { tx in try AccountProgressState.loadLesson(tx.progress, accountID: accountID, lessonId: lessonId) }
            ?? LessonProgress(rules: context.rules)
        return (context, account, progress, cached == nil)
    }

    /// Whether a refusal (or a duplicate) judged on the account's state should be judged again on
    /// the state as stored: when another daemon may have changed it since this lane cached it.
    /// Then the cached state is dropped, on the lane.
    func recheckRefusal(_ lane: ProgressLane, accountID: Int64, fresh: Bool, judgement: Int) -> Bool {
        guard store.isShared, !fresh, judgement < Self.judgements else { return false }
        lane.accounts.removeValue(forKey: accountID)
        return true
    }

    /// Makes the account's lane ask the store again whether it may study, before its next
    /// heartbeat or quiz: called after an identity switch, so no enrolment checked earlier is
    /// trusted afterwards. Returns once the lane has done it.
    /// Never refused for a full queue: the identity switch it follows is already committed.
    public func forgetEnrollments(accountID: Int64) async {
        let lane = lane(for: accountID)
        await withCheckedContinuation { continuation in
            lane.enqueueUnbounded {
                lane.accounts[accountID]?.enrolledTopics.removeAll()
                continuation.resume()
            }
        }
    }

    /// Commits `write` (and `also`, in the same unit), then delivers. A failed commit drops the
    /// account's hot state (if it is still the one `write` was judged on, of `generation`) so memory
    /// never runs ahead of the store; a stale write is judged again by `again` when given.
    func commit<T: Sendable>(_ write: ProgressWrite, also: QuizSubmissionRecord? = nil, lane: ProgressLane, generation: UInt64, value: T,
                             again: (@Sendable () -> Void)?, deliver: @escaping @Sendable (Result<T, any Error>) -> Void) {
        store.submit({ tx in
            let progress = tx.progress
            try progress.save(write)
            if let also { try progress.recordQuizSubmission(also) }
        }) { result in
            switch result {
            case .success: deliver(.success(value))
            case .failure(let error):
                lane.evict(write.accountID, generation: generation)
                if case StoreError.stale = error, let again { again() } else { deliver(.failure(error)) }
            }
        }
    }
}
