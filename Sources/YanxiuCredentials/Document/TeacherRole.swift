/// A role a school administrator can verify, which makes a teacher eligible for a certificate.
public enum TeacherRole: String, Sendable, Hashable, Codable, CaseIterable {
    /// 心理健康教育专兼职教师
    case mentalHealthTeacher
    /// 班主任
    case homeroomTeacher
}

extension TeacherRole {
    /// The role's name in the manual.
    public var chineseName: String {
        switch self {
        case .mentalHealthTeacher: "心理健康教育专兼职教师"
        case .homeroomTeacher: "班主任"
        }
    }
}
