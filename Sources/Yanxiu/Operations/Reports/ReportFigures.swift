/// The figures of one group of enrolled teachers in a topic's report.
public struct ReportFigures: Sendable, Equatable {
    /// Teachers enrolled in the topic.
    public var enrolled = 0
    /// Roles the teachers declared (enrolment form), whether or not verified.
    public var declaredMentalHealth = 0
    public var declaredHomeroom = 0
    /// Roles their school administrator verified.
    public var verifiedMentalHealth = 0
    public var verifiedHomeroom = 0
    /// Completed lessons, added over the group's teachers.
    public var lessonsCompleted = 0
    /// Teachers whose verified role's minimum is met (they get a certificate once the window closes).
    public var qualifying = 0
    /// Live (unrevoked) certificates of the topic.
    public var certificates = 0
    /// Recognised hours, added over the group's teachers.
    public var recognisedHours = 0.0

    public init() {}

    /// Mean recognised hours of the teachers who qualify (the others' are zero by rule); 0 when none does.
    public var meanRecognisedHours: Double { qualifying == 0 ? 0 : recognisedHours / Double(qualifying) }

    mutating func add(_ other: ReportFigures) {
        enrolled += other.enrolled
        declaredMentalHealth += other.declaredMentalHealth
        declaredHomeroom += other.declaredHomeroom
        verifiedMentalHealth += other.verifiedMentalHealth
        verifiedHomeroom += other.verifiedHomeroom
        lessonsCompleted += other.lessonsCompleted
        qualifying += other.qualifying
        certificates += other.certificates
        recognisedHours += other.recognisedHours
    }

    /// Adds one teacher.
    mutating func add(_ teacher: ReportTeacher, policy: CreditPolicy) {
        enrolled += 1
        if teacher.declaredMentalHealth { declaredMentalHealth += 1 }
        if teacher.declaredHomeroom { declaredHomeroom += 1 }
        var roles = Set<TeacherRole>()
        if teacher.verifiedMentalHealth {
            verifiedMentalHealth += 1
            roles.insert(.mentalHealthTeacher)
        }
        if teacher.verifiedHomeroom {
            verifiedHomeroom += 1
            roles.insert(.homeroomTeacher)
        }
        lessonsCompleted += teacher.completedLessons
        let assessment = policy.assess(completedLessons: teacher.completedLessons, learnedHours: teacher.learnedHours, verifiedRoles: roles)
        if assessment.qualifies { qualifying += 1 }
        recognisedHours += assessment.recognisedHours
        if teacher.hasCertificate { certificates += 1 }
    }
}

/// What the report needs to know of one enrolled teacher.
public struct ReportTeacher: Sendable, Equatable {
    /// The school the teacher is a member of now; nil without a membership.
    public var schoolID: Int64?
    public var declaredMentalHealth = false
    public var declaredHomeroom = false
    public var verifiedMentalHealth = false
    public var verifiedHomeroom = false
    public var completedLessons = 0
    public var learnedHours = 0.0
    /// The teacher holds a live (unrevoked) certificate of the topic.
    public var hasCertificate = false

    public init(schoolID: Int64?) {
        self.schoolID = schoolID
    }
}
