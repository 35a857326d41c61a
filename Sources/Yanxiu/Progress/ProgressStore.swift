import Foundation

/// The operations on study progress: lesson coverage, quiz state and the heartbeat journal,
/// and what the progress rules read of lessons, enrolments and verified roles.
///
/// Progress and playback states are kept in `StateCodec` form, encoded and decoded by the
/// lanes (off the writer); an engine stores and returns those bytes unchanged.
public protocol ProgressStore {
    /// The account's playback state with the version of its progress; nil when it never played anything.
    func playbackState(accountID: Int64) throws -> StoredPlaybackState?
    /// The account's progress state in one lesson; nil when it never played that lesson.
    func lessonState(accountID: Int64, lessonId: String) throws -> Data?
    /// Every lesson of `topicId` the account has progress in, in no particular order.
    func lessonProgress(accountID: Int64, topicId: String) throws -> [StoredLessonProgress]
    /// Whether the account is enrolled in `topicId`, and as what it studies today.
    func standing(accountID: Int64, topicId: String) throws -> StudyStanding
    /// A lesson with its topic's window and rules; nil when there is no such lesson.
    func lesson(_ lessonId: String) throws -> LessonRecord?
    /// The lessons of a topic in the order of its courses and of each course's lessons.
    func lessonIds(topicId: String) throws -> [String]
    /// The roles a school administrator verified for the account; empty when none.
    func verifiedRoles(accountID: Int64) throws -> Set<TeacherRole>

    /// Stores a lesson's progress (inserting or replacing it), the playback state when the
    /// write carries one, and the journal entry when it carries one, and moves the account's
    /// version to the write's stamp. Throws `StoreError.stale`, writing nothing, when the write's
    /// basis is no longer the account's last write (see `ProgressWrite`).
    func save(_ write: ProgressWrite) throws
    /// Gives the account's progress a new version without changing it (an account that never
    /// played gets an empty playback state): every cached copy of its state, on any daemon, is then
    /// outdated, and its next write reads the state, and what the account may study, again.
    func renewVersion(accountID: Int64, now: Int64) throws
    /// Keeps a graded quiz submission.
    func recordQuizSubmission(_ submission: QuizSubmissionRecord) throws
    /// The last `limit` journal entries of an account in a lesson, oldest first.
    func journal(accountID: Int64, lessonId: String, limit: Int) throws -> [HeartbeatJournal.Entry]
    /// Deletes up to `limit` journal entries older than `cutoff`, oldest first; returns how many went.
    func pruneJournal(olderThan cutoff: Int64, limit: Int) throws -> Int
}

/// One lesson's stored progress of an account.
public struct StoredLessonProgress: Sendable {
    public let lessonId: String
    /// `StateCodec` form of `LessonProgress`.
    public let state: Data
    public let studyMs: Int64

    public init(lessonId: String, state: Data, studyMs: Int64) {
        self.lessonId = lessonId
        self.state = state
        self.studyMs = studyMs
    }
}

/// What an account's enrolment in a topic allows.
public enum StudyStanding: Sendable, Equatable {
    case notEnrolled
    /// Enrolled, and a teacher today.
    case enrolledTeacher
    /// Enrolled, but switched to another identity since.
    case enrolledOtherIdentity
}

/// A lesson as stored, with the window and rules of its topic.
public struct LessonRecord: Sendable {
    public let lessonId: String
    public let topicId: String
    public let title: String
    public let durationMs: Int64
    public let creditHours: Int64
    public let quizAtMs: Int64
    /// The topic document's `quiz` object as JSON text.
    public let quiz: String
    public let windowStart: Int64
    public let windowEnd: Int64
    /// The topic's rules as JSON text.
    public let rules: String

    public init(lessonId: String, topicId: String, title: String, durationMs: Int64, creditHours: Int64, quizAtMs: Int64,
                quiz: String, windowStart: Int64, windowEnd: Int64, rules: String) {
        self.lessonId = lessonId
        self.topicId = topicId
        self.title = title
        self.durationMs = durationMs
        self.creditHours = creditHours
        self.quizAtMs = quizAtMs
        self.quiz = quiz
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.rules = rules
    }
}

/// One graded quiz submission as it is kept.
public struct QuizSubmissionRecord: Sendable {
    public let accountID: Int64
    public let lessonId: String
    public let at: Int64
    public let correct: Int
    public let total: Int
    public let passed: Bool
    /// The answers as submitted, as JSON text.
    public let answers: String
}
