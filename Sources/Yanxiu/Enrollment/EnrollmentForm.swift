/// The enrolment form (docs/rules.md#e3, docs/documents.md#enrolment-form), validated: codes
/// are from the code lists and the ID number is normalised. Stored as JSON in `enrollment.form`.
public struct EnrollmentForm: Sendable, Hashable, Codable {
    public var name: String
    /// GB/T 3304 code.
    public var ethnicity: String
    public var idType: IDType
    /// Normalised (`IDNumber.value`); shown masked everywhere but to operators.
    public var idNumber: String
    /// GB/T 2261.1 code.
    public var gender: String
    /// GB/T 4762 code.
    public var politicalStatus: String
    public var education: String
    public var teacherType: String
    public var schoolId: Int64
    public var isMentalHealthTeacher: Bool
    public var isHomeroomTeacher: Bool
    public var stage: String
    public var title: String
    public var subject: String
    // Optional on the form.
    public var entryYear: Int?
    public var honours: String?
    public var itAbility: String?
    /// 县级以上骨干教师.
    public var countyKeyTeacher: Bool?
    /// 学科带头人.
    public var subjectLeader: Bool?
    /// 专、兼职教研员.
    public var researcher: Bool?

    /// The required fields, in the order the form shows them.
    public static let requiredFields = [
        "name", "ethnicity", "idType", "idNumber", "gender", "politicalStatus", "education", "teacherType", "schoolId",
        "isMentalHealthTeacher", "isHomeroomTeacher", "stage", "title", "subject",
    ]
    public static let optionalFields = ["entryYear", "honours", "itAbility", "countyKeyTeacher", "subjectLeader", "researcher"]
}
