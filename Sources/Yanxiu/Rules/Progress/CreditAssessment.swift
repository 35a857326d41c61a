/// Where a teacher stands on hours: learned, recognised, and what is still missing.
public struct CreditAssessment: Sendable, Hashable {
    /// Why the hours are not (yet) recognised.
    public enum Missing: Sendable, Hashable {
        /// No role verified by the school administrator: only study time is recorded.
        case noVerifiedRole
        /// This many more completed lessons are needed for the nearest verified role.
        case moreLessons(Int, role: TeacherRole)

        /// A stable key for programs.
        public var reason: String {
            switch self {
            case .noVerifiedRole: "credit.no_verified_role"
            case .moreLessons: "credit.more_lessons"
            }
        }

        /// A short explanation for the teacher.
        public var explanation: String {
            switch self {
            case .noVerifiedRole:
                "尚未通过学校管理员认定为心理健康教育专兼职教师或班主任，只记录学习时长，不认定学时。"
            case .moreLessons(let count, let role):
                "还需完成 \(count) 节课程，才能达到\(role.chineseName)的最低要求并认定学时。"
            }
        }
    }

    public var completedLessons: Int
    /// 已学习学时: hours of completed lessons.
    public var learnedHours: Double
    /// 认定学时: learned hours capped at the maximum, once a verified role's minimum is met; else 0.
    public var recognisedHours: Double
    /// The verified role whose minimum is met.
    public var qualifyingRole: TeacherRole?
    /// Nil when the teacher qualifies.
    public var missing: Missing?

    public var qualifies: Bool { qualifyingRole != nil }
}
