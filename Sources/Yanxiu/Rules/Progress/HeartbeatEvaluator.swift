/// Decides what a heartbeat proves was watched (docs/rules.md#p8 to #p13).
///
/// Steps, in this order: concurrency and superseded playbacks are refused;
/// a `seq` not above the playback's last one is a duplicate that changes nothing;
/// invalid position, rate or state fail validation; then the span since the previous
/// heartbeat of the same playback is credited if it fits the watch-time budget, and
/// after the quiz point only once the quiz is passed.
public enum HeartbeatEvaluator {
    /// Elapsed time is clamped to this (about 34 years) so the budget arithmetic cannot overflow.
    static let maxElapsedMs: Int64 = 1 << 40
    /// Slack when comparing the reported rate with the maximum, for clients that compute it.
    static let rateEpsilon = 1e-9

    /// Evaluates `heartbeat` for `lessonId` at daemon time `now`, updating the account's
    /// `tracker` and the lesson's `progress` in place. Refused, invalid and duplicate
    /// heartbeats leave both untouched.
    public static func evaluate(
        _ heartbeat: Heartbeat,
        lessonId: String,
        now: Int64,
        rules: LessonRules,
        tracker: inout PlaybackTracker,
        progress: inout LessonProgress
    ) -> HeartbeatOutcome {
        // Step 2: one video at a time, and replaced playbacks stay replaced.
        if let other = tracker.concurrentLesson(for: lessonId, now: now, windowMs: rules.stillPlayingWindowMs) {
            return .refused(.concurrent(lessonId: other))
        }
        let lessonIndex = tracker.index(ofLesson: lessonId)
        var previous: PlaybackTracker.Playback?
        if let lessonIndex {
            let entry = tracker.lessons[lessonIndex]
            if entry.current.playbackId == heartbeat.playbackId {
                previous = entry.current
            } else if entry.retired.contains(heartbeat.playbackId) {
                return .refused(.superseded)
            }
        }

        // Step 3: replays and retries change nothing.
        if let previous, heartbeat.seq <= previous.lastSeq {
            return .accepted(receipt(.duplicate, credited: 0, studied: 0, newlyCompleted: false,
                                     progress: progress))
        }

        // Step 4: validation.
        let state: PlaybackState
        switch validate(heartbeat, rules: rules) {
        case .success(let valid): state = valid
        case .failure(let invalid): return .invalid(invalid)
        }

        // Step 5 and 6: crediting.
        let position = heartbeat.positionMs
        let allowance = rules.jitterAllowanceMs
        var carry = min(max(progress.carryMs, 0), allowance)
        var verdict = HeartbeatVerdict.start
        var credited: Int64 = 0
        var studied: Int64 = 0

        if let previous, let lessonIndex {
            // Watch time accrues only while this playback was the account's playing one.
            if previous.lastState != .playing || tracker.playingLessonId != lessonId {
                verdict = .paused
            } else {
                let elapsed = min(max(now &- previous.lastHeardAt, 0), maxElapsedMs)
                let available = carry + elapsed * rules.maxRatePermille / 1000
                let span = position - previous.lastPositionMs
                if span < 0 {
                    verdict = .rewind
                    carry = min(available, allowance)
                } else if span <= available && span <= rules.spanCapMs {
                    carry = min(available - span, allowance)
                    studied = span
                    let cover = credit(previous.lastPositionMs..<position, now: now,
                                       rules: rules, progress: &progress)
                    credited = cover.credited
                    verdict = credited == 0 && cover.blockedBeforePass ? .afterQuizBeforePass : .credited
                } else {
                    carry = min(available, allowance)
                    verdict = span <= LessonRules.browserMaxRate * elapsed ? .tooFast : .seek
                }
            }
            tracker.lessons[lessonIndex].current.lastSeq = heartbeat.seq
            tracker.lessons[lessonIndex].current.lastPositionMs = position
            tracker.lessons[lessonIndex].current.lastState = state
            tracker.lessons[lessonIndex].current.lastHeardAt = now
        } else {
            tracker.start(
                .init(playbackId: heartbeat.playbackId, lastSeq: heartbeat.seq,
                      lastPositionMs: position, lastState: state, lastHeardAt: now),
                lessonId: lessonId)
        }
        // Any accepted heartbeat interrupts other lessons: their next span earns nothing.
        tracker.playingLessonId = state == .playing ? lessonId : nil

        progress.carryMs = carry
        progress.studyMs += studied
        if progress.startedAt == nil { progress.startedAt = now }
        progress.lastHeartbeatAt = now
        if credited > 0 { progress.lastCreditedAt = now }
        if progress.quizReachedAt == nil, position >= rules.quizAtMs { progress.quizReachedAt = now }
        let newlyCompleted = progress.updateCompletion(at: now, rules: rules)

        return .accepted(receipt(verdict, credited: credited, studied: studied,
                                 newlyCompleted: newlyCompleted, progress: progress))
    }

    /// The same evaluation as a pure function returning the state to store.
    public static func evaluated(
        _ heartbeat: Heartbeat,
        lessonId: String,
        now: Int64,
        rules: LessonRules,
        tracker: PlaybackTracker,
        progress: LessonProgress
    ) -> HeartbeatEvaluation {
        var tracker = tracker
        var progress = progress
        let outcome = evaluate(heartbeat, lessonId: lessonId, now: now, rules: rules,
                               tracker: &tracker, progress: &progress)
        return HeartbeatEvaluation(outcome: outcome, tracker: tracker, progress: progress)
    }

    /// Step 4: every bad field at once.
    static func validate(_ heartbeat: Heartbeat, rules: LessonRules) -> Result<PlaybackState, InvalidProgressParams> {
        let state = PlaybackState(rawValue: heartbeat.state)
        let positionOK = heartbeat.positionMs >= 0 && heartbeat.positionMs <= rules.durationMs
        let rateOK = heartbeat.rate.isFinite && heartbeat.rate >= 0
        let rateAllowed = heartbeat.rate <= rules.maxPlaybackRate + rateEpsilon
        if let state, positionOK, rateOK, rateAllowed { return .success(state) }

        var fields: [InvalidProgressParams.Field] = []
        if !positionOK { fields.append(.init(field: "positionMs", reason: "out_of_range")) }
        if !rateOK {
            fields.append(.init(field: "rate", reason: "invalid"))
        } else if !rateAllowed {
            fields.append(.init(field: "rate", reason: "above_maximum"))
        }
        if state == nil { fields.append(.init(field: "state", reason: "unknown")) }
        return .failure(InvalidProgressParams(fields: fields))
    }

    /// Adds a span that fit the budget to the coverage: before the quiz point always, after
    /// it only once the quiz is passed. `blockedBeforePass` tells that some of it was after
    /// the quiz point while the quiz was not passed.
    private static func credit(
        _ span: Range<Int64>, now: Int64, rules: LessonRules, progress: inout LessonProgress
    ) -> (credited: Int64, blockedBeforePass: Bool) {
        guard !span.isEmpty else { return (0, false) }
        let quizAt = rules.quizAtMs
        var credited: Int64 = 0
        var blocked = false
        if span.lowerBound < quizAt {
            credited += progress.beforeQuiz.insertBounded(span.lowerBound..<min(span.upperBound, quizAt))
        }
        if span.upperBound > quizAt {
            let after = max(span.lowerBound, quizAt)..<span.upperBound
            if let passedAt = progress.quizPassedAt, passedAt <= now {
                let since = afterPassPart(after, passedAt: passedAt, now: now, rules: rules)
                credited += progress.afterQuiz.insertBounded(since)
                if since.count < after.count { blocked = true }
            } else {
                blocked = true
            }
        }
        return (credited, blocked)
    }

    /// The end of `after` that could have been played since the quiz was passed: playback is
    /// linear, so what was watched after the pass is the latest part of the span, at most the
    /// time since the pass at the topic's maximum rate plus one jitter allowance (docs/rules.md#p10).
    /// Time spent on the video before the pass buys nothing after the quiz point.
    static func afterPassPart(_ after: Range<Int64>, passedAt: Int64, now: Int64, rules: LessonRules) -> Range<Int64> {
        let sincePass = min(max(now &- passedAt, 0), maxElapsedMs)
        let reachable = sincePass * rules.maxRatePermille / 1000 + rules.jitterAllowanceMs
        return max(after.lowerBound, after.upperBound - reachable)..<after.upperBound
    }

    private static func receipt(
        _ verdict: HeartbeatVerdict, credited: Int64, studied: Int64, newlyCompleted: Bool,
        progress: LessonProgress
    ) -> HeartbeatReceipt {
        HeartbeatReceipt(
            verdict: verdict,
            creditedMs: credited,
            studiedMs: studied,
            coverageBeforeQuizMs: progress.beforeQuiz.coveredLength,
            coverageAfterQuizMs: progress.afterQuiz.coveredLength,
            quizReached: progress.quizReachedAt != nil,
            quizPassed: progress.quizPassedAt != nil,
            completed: progress.completedAt != nil,
            newlyCompleted: newlyCompleted)
    }
}
