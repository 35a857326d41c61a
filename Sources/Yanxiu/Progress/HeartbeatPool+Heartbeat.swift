import Foundation
import JSONValues

extension HeartbeatPool {
    public typealias Completion<T> = @Sendable (Result<T, any Error>) -> Void

    /// Judges one heartbeat of `accountID` and returns the receipt once its effects are committed.
    public func heartbeat(accountID: Int64, lessonId: String, _ heartbeat: Heartbeat) async throws -> HeartbeatReceipt {
        try await withCheckedThrowingContinuation { continuation in
            submit(accountID: accountID, lessonId: lessonId, heartbeat) { continuation.resume(with: $0) }
        }
    }

    /// Callback form for the socket's hot path: the caller has proven the session; the
    /// heartbeat is judged on the account's lane and `completion` runs after the commit.
    public func submit(accountID: Int64, lessonId: String, _ heartbeat: Heartbeat, completion: @escaping Completion<HeartbeatReceipt>) {
        submit(accountID: accountID, lessonId: lessonId, heartbeat, judgement: 1, completion: completion)
    }

    /// Queues the `judgement`th judging of the heartbeat on the account's lane.
    private func submit(accountID: Int64, lessonId: String, _ heartbeat: Heartbeat, judgement: Int, completion: @escaping Completion<HeartbeatReceipt>) {
        let lane = lane(for: accountID)
        let accepted = lane.enqueue {
            do {
                try self.judge(heartbeat, accountID: accountID, lessonId: lessonId, lane: lane, judgement: judgement, deliver: completion)
            } catch {
                completion(.failure(error))
            }
        }
        if !accepted { completion(.failure(DomainError.busy(retryAfterMs: 100))) }
    }

    private func judge(_ heartbeat: Heartbeat, accountID: Int64, lessonId: String, lane: ProgressLane, judgement: Int,
                       deliver: @escaping Completion<HeartbeatReceipt>) throws {
        let now = clock.nowMs
        let again: @Sendable () -> Void = {
            self.submit(accountID: accountID, lessonId: lessonId, heartbeat, judgement: judgement + 1, completion: deliver)
        }
        let prepared = try prepare(lane, accountID: accountID, lessonId: lessonId, now: now)
        let (context, fresh) = (prepared.context, prepared.fresh)
        var (account, progress) = (prepared.account, prepared.progress)
        var tracker = account.tracker
        let outcome = HeartbeatEvaluator.evaluate(heartbeat, lessonId: lessonId, now: now, rules: context.rules, tracker: &tracker, progress: &progress)
        switch outcome {
        case .refused(let refusal):
            if recheckRefusal(lane, accountID: accountID, fresh: fresh, judgement: judgement) { return again() }
            var data: JSONObject = [:]
            if case .concurrent(let other) = refusal { data["playingLessonId"] = .string(other) }
            let message = refusal == .superseded ? "A newer playback of this lesson replaced this one" : "Another lesson is playing"
            throw DomainError.conflict(refusal.reason, message, data: data)
        case .invalid(let invalid):
            throw DomainError.invalid(invalid.fields.map { FieldProblem(field: $0.field, reason: $0.reason) })
        case .accepted(let receipt):
            if receipt.verdict == .duplicate {
                if recheckRefusal(lane, accountID: accountID, fresh: fresh, judgement: judgement) { return again() }
                deliver(.success(receipt))
                return
            }
            let trackerChanged = tracker != account.tracker
            let write = ProgressWrite(
                accountID: accountID, lessonId: lessonId, topicId: context.topicId, now: now,
                progressState: StateCodec.encode(progress), progress: progress,
                trackerState: trackerChanged ? StateCodec.encode(tracker) : nil,
                journal: .init(at: now, playbackId: heartbeat.playbackId, seq: heartbeat.seq, positionMs: heartbeat.positionMs,
                               state: heartbeat.state, rate: heartbeat.rate, verdict: receipt.verdict.rawValue, creditedMs: receipt.creditedMs),
                basis: account.stamp, stamp: lane.nextStamp())
            account.tracker = tracker
            account.lessons[lessonId] = progress
            account.stamp = write.stamp
            lane.accounts[accountID] = account
            commit(write, lane: lane, generation: account.generation, value: receipt,
                   again: judgement < Self.judgements ? again : nil, deliver: deliver)
        }
    }
}
