/// A teacher's enrolment forms repeat the profile (name, ID, teacher type, school, title, stage,
/// subject) and the declared roles. Copies taken once and read later go stale, so every change
/// of the profile or the declarations is carried into the forms and the enrolments' school:
/// lists, reports and issuance then read what the teacher's profile and membership say now.
enum EnrollmentFollowsProfile {
    static func update(_ tx: any StoreTransaction, accountID: Int64) throws {
        let enrollments = tx.enrollments
        guard try enrollments.hasEnrollments(accountID: accountID), let account = try enrollments.enrollmentAccount(id: accountID) else { return }
        let patch = self.patch(account)
        guard !patch.isEmpty else { return }
        try enrollments.updateForms(accountID: accountID, patch)
    }

    /// What the forms take from the profile. A cleared profile field leaves the form's value:
    /// the form requires every one of them. Declarations live in the membership while there is one.
    static func patch(_ account: EnrollmentAccount) -> EnrollmentFormPatch {
        let values: [(String, String?)] = [
            ("name", account.name), ("idType", account.idType), ("idNumber", account.idNumber), ("teacherType", account.teacherType),
            ("title", account.title), ("stage", account.stage), ("subject", account.subject),
        ]
        var patch = EnrollmentFormPatch(fields: [], schoolID: account.schoolID)
        for (name, value) in values {
            if let value, !value.isEmpty { patch.fields.append(.init(name: name, value: value)) }
        }
        if let mentalHealth = account.declaredMentalHealth, let homeroom = account.declaredHomeroom {
            patch.declaredMentalHealth = mentalHealth
            patch.declaredHomeroom = homeroom
        }
        return patch
    }
}
