/// Which enrolments a listing selects: those of a topic, at the school their teacher is a member
/// of now (optionally one school), inside a caller's scope.
public struct EnrollmentFilter: Sendable, Equatable {
    public var topicID: String
    /// Only teachers who are members of this school now.
    public var schoolID: Int64?
    public var scope: EnrollmentScope

    public init(topicID: String, schoolID: Int64?, scope: EnrollmentScope) {
        self.topicID = topicID
        self.schoolID = schoolID
        self.scope = scope
    }
}
