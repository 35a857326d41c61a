/// The topic's rules for turning completed lessons into recognised hours (学时规则).
public struct CreditPolicy: Sendable, Hashable {
    /// Completed lessons a verified teacher of each role needs.
    public var minLessons: [TeacherRole: Int]
    /// Recognised hours never exceed this.
    public var maxRecognisedHours: Double

    public init(
        minLessons: [TeacherRole: Int] = [.mentalHealthTeacher: 15, .homeroomTeacher: 10],
        maxRecognisedHours: Double = 20
    ) {
        self.minLessons = minLessons
        self.maxRecognisedHours = maxRecognisedHours
    }

    /// Assesses a teacher from the credit hours of each completed lesson and the roles
    /// their school administrator verified. A role with no minimum in the topic cannot qualify.
    public func assess(completedLessonHours: [Double], verifiedRoles: Set<TeacherRole>) -> CreditAssessment {
        let completed = completedLessonHours.count
        let learned = completedLessonHours.reduce(0, +)

        // Among verified roles, the one with the smallest minimum is met first.
        var nearest: (role: TeacherRole, minimum: Int)?
        for role in TeacherRole.allCases where verifiedRoles.contains(role) {
            guard let minimum = minLessons[role] else { continue }
            if minimum < nearest?.minimum ?? .max { nearest = (role, minimum) }
        }
        guard let nearest else {
            return CreditAssessment(completedLessons: completed, learnedHours: learned, recognisedHours: 0,
                                    qualifyingRole: nil, missing: .noVerifiedRole)
        }
        guard completed >= nearest.minimum else {
            return CreditAssessment(
                completedLessons: completed, learnedHours: learned, recognisedHours: 0, qualifyingRole: nil,
                missing: .moreLessons(nearest.minimum - completed, role: nearest.role))
        }
        return CreditAssessment(completedLessons: completed, learnedHours: learned,
                                recognisedHours: min(learned, maxRecognisedHours),
                                qualifyingRole: nearest.role, missing: nil)
    }
}
