/// The operations on enrolments, and the few reads of accounts, schools and grants that
/// enrolment needs. Reads answer nil (or zero, or empty) when nothing matches.
public protocol EnrollmentsStore {
    /// The id of the account's enrolment in a topic, or nil.
    func enrollmentID(accountID: Int64, topicID: String) throws -> Int64?

    /// Whether the account is enrolled in any topic.
    func hasEnrollments(accountID: Int64) throws -> Bool

    /// The account's identity, the profile fields the form repeats and its membership, or nil without such an account.
    func enrollmentAccount(id: Int64) throws -> EnrollmentAccount?

    /// Whether a school with this id exists.
    func schoolExists(id: Int64) throws -> Bool

    /// The region code of a school, or nil when there is no such school.
    func schoolRegion(id: Int64) throws -> String?

    /// The administrator grants of an account, as (role, scope).
    func grants(accountID: Int64) throws -> [(role: String, scope: String)]

    /// Sets profile fields of the account to the form's values, by their names on the form
    /// (`name`, `idType`, `idNumber`, `schoolId`, `teacherType`, `title`, `stage`, `subject`).
    func updateProfile(accountID: Int64, fields: [(name: String, value: String)], now: Int64) throws

    /// Sets `patch`'s fields in every enrolment form of the account, and moves its enrolments to
    /// `patch.schoolID` when that is given.
    func updateForms(accountID: Int64, _ patch: EnrollmentFormPatch) throws

    /// Records an enrolment at the form's school. The service has checked there is none for the pair.
    func insert(accountID: Int64, topicID: String, form: EnrollmentForm, now: Int64) throws

    /// The account's enrolment in a topic, shown at its teacher's current school, or nil.
    func enrollment(accountID: Int64, topicID: String) throws -> EnrollmentRecord?

    /// How many enrolments `filter` selects.
    func count(_ filter: EnrollmentFilter) throws -> Int

    /// Up to `limit` enrolments `filter` selects with an id above `after`, in id order.
    func enrollments(_ filter: EnrollmentFilter, after: Int64, limit: Int) throws -> [EnrollmentRecord]
}
