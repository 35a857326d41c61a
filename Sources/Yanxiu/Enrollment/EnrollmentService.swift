import JSONValues

/// Creates and reads enrolments. Every function runs inside the caller's transaction.
public enum EnrollmentService {
    /// Enrols an account in a topic with a validated form, in this order of checks: topic, repeat
    /// (409 `enrollment.exists` with the existing id, so a retry learns it), window (412), identity
    /// and basic information (412), school, agreement with the profile (`ProfileAgreement`: 409
    /// `profile.locked` or `enrollment.profile_differs`). Then fills (and, when asked, replaces)
    /// profile fields from the form, files the declared roles for the school's administrator, and
    /// records the enrolment.
    public static func create(
        _ tx: any StoreTransaction, accountID: Int64, topicID: String, form: EnrollmentForm, replaceProfile: Bool = false, now: Int64
    ) throws -> EnrollmentRecord {
        let topic = try Catalog.topic(tx, id: topicID)
        if let existing = try tx.enrollments.enrollmentID(accountID: accountID, topicID: topicID) {
            throw DomainError.conflict("enrollment.exists", "This account is already enrolled in \(topicID)", data: ["enrollmentId": .int64(existing)])
        }
        try checkWindow(topic, now: now)
        let account = try EnrollmentAccount.load(tx, id: accountID)
        try account.checkMayEnroll()
        guard try tx.enrollments.schoolExists(id: form.schoolId) else {
            throw DomainError.invalid(field: "schoolId", reason: "not_found")
        }
        let plan = try ProfileAgreement.plan(ProfileAgreement.fields(profile: account, form: form), verified: account.isVerified, replace: replaceProfile)
        try account.apply(tx, plan, now: now)
        try account.fileDeclaredRoles(tx, form: form, now: now)
        try EnrollmentFollowsProfile.update(tx, accountID: accountID)
        try tx.enrollments.insert(accountID: accountID, topicID: topicID, form: form, now: now)
        return try get(tx, accountID: accountID, topicID: topicID)
    }

    /// The window decides: from its start (inclusive) until its end (exclusive).
    static func checkWindow(_ topic: TopicSummary, now: Int64) throws {
        if now < topic.windowStartMs {
            throw DomainError.precondition(
                "enrollment.not_open", "Enrolment opens at \(Timestamp.formatCST(topic.windowStartMs))",
                data: ["opensAt": .string(Timestamp.formatCST(topic.windowStartMs))])
        }
        if now >= topic.windowEndMs {
            throw DomainError.precondition(
                "enrollment.window_closed", "Enrolment closed at \(Timestamp.formatCST(topic.windowEndMs))",
                data: ["closedAt": .string(Timestamp.formatCST(topic.windowEndMs))])
        }
    }

    /// The account's enrolment in a topic, or 404 `enrollment.unknown`.
    public static func get(_ tx: any StoreTransaction, accountID: Int64, topicID: String) throws -> EnrollmentRecord {
        guard let record = try tx.enrollments.enrollment(accountID: accountID, topicID: topicID) else {
            throw DomainError.notFound("enrollment.unknown", "This account is not enrolled in \(topicID)")
        }
        return record
    }
}
