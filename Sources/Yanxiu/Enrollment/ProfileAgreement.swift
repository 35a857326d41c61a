/// How an enrolment form and the profile it repeats are brought to agree (docs/rules.md#e6).
///
/// A profile field that is empty is filled from the form. A field whose value differs is
/// replaced only when the teacher explicitly asks (`replaceProfile`), and never while a
/// verification locks it (name, ID and school): the administrator verified that value.
/// Nothing is ever overwritten silently.
public struct ProfileAgreement: Sendable, Equatable {
    /// One profile field the form repeats: its name on the form, and both values.
    public struct Field: Sendable, Equatable {
        public var name: String
        public var profile: String?
        public var form: String
        public var lockedByVerification: Bool
    }

    /// Fields to fill (empty in the profile) and to replace (different, and asked for).
    public var filled: [Field] = []
    public var replaced: [Field] = []

    /// The fields of `form` as the profile holds them.
    static func fields(profile: EnrollmentAccount, form: EnrollmentForm) -> [Field] {
        [
            Field(name: "name", profile: profile.name, form: form.name, lockedByVerification: true),
            Field(name: "idType", profile: profile.idType, form: form.idType.code, lockedByVerification: true),
            Field(name: "idNumber", profile: profile.idNumber, form: form.idNumber, lockedByVerification: true),
            Field(name: "schoolId", profile: profile.schoolID.map(String.init), form: String(form.schoolId), lockedByVerification: true),
            Field(name: "teacherType", profile: profile.teacherType, form: form.teacherType, lockedByVerification: false),
            Field(name: "title", profile: profile.title, form: form.title, lockedByVerification: false),
            Field(name: "stage", profile: profile.stage, form: form.stage, lockedByVerification: false),
            Field(name: "subject", profile: profile.subject, form: form.subject, lockedByVerification: false),
        ]
    }

    /// The plan for `fields`, or the refusal: 409 `profile.locked` naming the verified values the
    /// form contradicts, else 409 `enrollment.profile_differs` naming the differing values unless
    /// `replace` asks to overwrite them.
    public static func plan(_ fields: [Field], verified: Bool, replace: Bool) throws -> ProfileAgreement {
        var plan = ProfileAgreement()
        var locked: [String] = []
        var differing: [String] = []
        for field in fields where field.profile != field.form {
            if field.profile == nil || field.profile == "" {
                plan.filled.append(field)
            } else if verified && field.lockedByVerification {
                locked.append(field.name)
            } else {
                differing.append(field.name)
                plan.replaced.append(field)
            }
        }
        if !locked.isEmpty {
            throw DomainError.conflict(
                "profile.locked", "The profile is verified: \(locked.joined(separator: ", ")) cannot change until the school administrator removes the teacher",
                data: ["fields": .array(locked.map { .object(["field": .string($0), "reason": "locked"]) })])
        }
        if !differing.isEmpty, !replace {
            throw DomainError.conflict(
                "enrollment.profile_differs",
                "The form differs from the profile in \(differing.joined(separator: ", ")); send replaceProfile: true to replace the profile's values, or correct the form",
                data: ["fields": .array(differing.map { .object(["field": .string($0), "reason": "differs"]) })])
        }
        return plan
    }

    public var changes: [Field] { filled + replaced }
}
