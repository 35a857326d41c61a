import Foundation
import JSONRPC

extension HeartbeatPool {
    /// Judges one heartbeat of `accountID` and returns the receipt once its effects are committed.
    public func heartbeat(accountID: Int64, lessonId: String, _ heartbeat: Heartbeat) async throws -> HeartbeatReceipt {
        try await onLane(accountID) { lane, deliver in
            do {
                try self.judge(heartbeat, accountID: accountID, lessonId: lessonId, lane: lane, deliver: deliver)
            } catch {
                deliver(.failure(error))
            }
        }
    }

    private func judge(_ heartbeat: Heartbeat, accountID: Int64, lessonId: String, lane: ProgressLane,
                       deliver: @escaping @Sendable (Result<HeartbeatReceipt, any Error>) -> Void) throws {
        let now = clock.nowMs
        var (context, account, progress) = try prepare(lane, accountID: accountID, lessonId: lessonId, now: now)
        var tracker = account.tracker
        let outcome = HeartbeatEvaluator.evaluate(heartbeat, lessonId: lessonId, now: now, rules: context.rules, tracker: &tracker, progress: &progress)
        switch outcome {
        case .refused(let refusal):
            var data: JSONObject = [:]
            if case .concurrent(let other) = refusal { data["playingLessonId"] = .string(other) }
            let message = refusal == .superseded ? "A newer playback of this lesson replaced this one" : "Another lesson is playing"
            throw DomainError.conflict(refusal.reason, message, data: data)
        case .invalid(let invalid):
            throw RPCError.invalidParams(invalid.fields.map { RPCError.FieldProblem(field: $0.field, reason: $0.reason) })
        case .accepted(let receipt):
            if receipt.verdict == .duplicate {
                deliver(.success(receipt))
                return
            }
            let trackerChanged = tracker != account.tracker
            account.tracker = tracker
            account.lessons[lessonId] = progress
            lane.accounts[accountID] = account
            let write = ProgressWrite(
                accountID: accountID, lessonId: lessonId, topicId: context.topicId, now: now,
                progressJSON: String(decoding: try lane.encoder.encode(progress), as: UTF8.self), progress: progress,
                trackerJSON: trackerChanged ? String(decoding: try lane.encoder.encode(tracker), as: UTF8.self) : nil,
                journal: .init(playbackId: heartbeat.playbackId, seq: heartbeat.seq, positionMs: heartbeat.positionMs,
                               state: heartbeat.state, rate: heartbeat.rate, verdict: receipt.verdict.rawValue, creditedMs: receipt.creditedMs))
            commit(write, lane: lane, value: receipt, deliver: deliver)
        }
    }
}
