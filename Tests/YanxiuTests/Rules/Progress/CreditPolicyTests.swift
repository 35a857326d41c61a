import Testing
@testable import Yanxiu

@Suite("CreditPolicy")
struct CreditPolicyTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var completed: Int
        var roles: Set<TeacherRole>
        var learned: Double
        var recognised: Double
        var role: TeacherRole?
        var missing: CreditAssessment.Missing?
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        .init(name: "nothing done, no role", completed: 0, roles: [], learned: 0, recognised: 0, role: nil,
              missing: .noVerifiedRole),
        .init(name: "25 lessons but no verified role: only learned", completed: 25, roles: [], learned: 25,
              recognised: 0, role: nil, missing: .noVerifiedRole),
        .init(name: "mental health, 14 lessons", completed: 14, roles: [.mentalHealthTeacher], learned: 14,
              recognised: 0, role: nil, missing: .moreLessons(1, role: .mentalHealthTeacher)),
        .init(name: "mental health, 15 lessons", completed: 15, roles: [.mentalHealthTeacher], learned: 15,
              recognised: 15, role: .mentalHealthTeacher, missing: nil),
        .init(name: "mental health, 20 lessons", completed: 20, roles: [.mentalHealthTeacher], learned: 20,
              recognised: 20, role: .mentalHealthTeacher, missing: nil),
        .init(name: "mental health, 26 lessons: capped at 20", completed: 26, roles: [.mentalHealthTeacher],
              learned: 26, recognised: 20, role: .mentalHealthTeacher, missing: nil),
        .init(name: "homeroom, 0 lessons", completed: 0, roles: [.homeroomTeacher], learned: 0, recognised: 0,
              role: nil, missing: .moreLessons(10, role: .homeroomTeacher)),
        .init(name: "homeroom, 9 lessons", completed: 9, roles: [.homeroomTeacher], learned: 9, recognised: 0,
              role: nil, missing: .moreLessons(1, role: .homeroomTeacher)),
        .init(name: "homeroom, 10 lessons", completed: 10, roles: [.homeroomTeacher], learned: 10, recognised: 10,
              role: .homeroomTeacher, missing: nil),
        .init(name: "homeroom, 21 lessons: capped", completed: 21, roles: [.homeroomTeacher], learned: 21,
              recognised: 20, role: .homeroomTeacher, missing: nil),
        .init(name: "both roles, 9 lessons: nearest is homeroom", completed: 9,
              roles: [.mentalHealthTeacher, .homeroomTeacher], learned: 9, recognised: 0, role: nil,
              missing: .moreLessons(1, role: .homeroomTeacher)),
        .init(name: "both roles, 10 lessons: homeroom minimum met first", completed: 10,
              roles: [.mentalHealthTeacher, .homeroomTeacher], learned: 10, recognised: 10,
              role: .homeroomTeacher, missing: nil),
        .init(name: "both roles, 16 lessons", completed: 16, roles: [.mentalHealthTeacher, .homeroomTeacher],
              learned: 16, recognised: 16, role: .homeroomTeacher, missing: nil),
        .init(name: "both roles, 30 lessons: capped", completed: 30, roles: [.mentalHealthTeacher, .homeroomTeacher],
              learned: 30, recognised: 20, role: .homeroomTeacher, missing: nil),
    ]

    @Test("learned and recognised hours", arguments: cases)
    func assess(_ c: Case) {
        let assessment = CreditPolicy().assess(
            completedLessonHours: Array(repeating: 1, count: c.completed), verifiedRoles: c.roles)
        #expect(assessment.completedLessons == c.completed)
        #expect(assessment.learnedHours == c.learned)
        #expect(assessment.recognisedHours == c.recognised)
        #expect(assessment.qualifyingRole == c.role)
        #expect(assessment.qualifies == (c.role != nil))
        #expect(assessment.missing == c.missing)
    }

    @Test("verification after finishing recognises the hours already learned")
    func verifiedLater() {
        let hours = [Double](repeating: 1, count: 12)
        let before = CreditPolicy().assess(completedLessonHours: hours, verifiedRoles: [])
        let after = CreditPolicy().assess(completedLessonHours: hours, verifiedRoles: [.homeroomTeacher])
        #expect(before.recognisedHours == 0 && before.learnedHours == 12)
        #expect(after.recognisedHours == 12 && after.qualifies)
    }

    @Test("topic-specific minimums and cap, and lessons worth other than one hour")
    func customRules() {
        let policy = CreditPolicy(minLessons: [.mentalHealthTeacher: 3], maxRecognisedHours: 4)
        let mental = policy.assess(completedLessonHours: [2, 1.5, 1], verifiedRoles: [.mentalHealthTeacher])
        #expect(mental.learnedHours == 4.5)
        #expect(mental.recognisedHours == 4)
        // A role the topic sets no minimum for cannot qualify.
        let homeroom = policy.assess(completedLessonHours: [2, 1.5, 1], verifiedRoles: [.homeroomTeacher])
        #expect(homeroom.recognisedHours == 0)
        #expect(homeroom.missing == .noVerifiedRole)
    }

    @Test("what is missing is explained to the teacher")
    func explanations() {
        #expect(CreditAssessment.Missing.noVerifiedRole.reason == "credit.no_verified_role")
        #expect(CreditAssessment.Missing.noVerifiedRole.explanation.contains("学校管理员"))
        let more = CreditAssessment.Missing.moreLessons(3, role: .homeroomTeacher)
        #expect(more.reason == "credit.more_lessons")
        #expect(more.explanation == "还需完成 3 节课程，才能达到班主任的最低要求并认定学时。")
    }
}
