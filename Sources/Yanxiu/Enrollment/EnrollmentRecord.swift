/// One enrolment as its teacher, operators and administrators see it.
public struct EnrollmentRecord: Sendable, Equatable {
    /// Where the school administrator's verification of the declared roles stands.
    public struct Membership: Sendable, Equatable {
        /// `pending` or `verified`; nil when the account has no school membership.
        public var status: String?
        public var verifiedMentalHealthTeacher: Bool
        public var verifiedHomeroomTeacher: Bool
    }

    public var id: Int64
    public var accountID: Int64
    public var topicID: String
    public var schoolID: Int64?
    public var schoolName: String?
    public var regionCode: String?
    public var phone: String
    public var form: EnrollmentForm
    public var membership: Membership
    public var createdAt: Int64
}
