import Testing
@testable import Yanxiu

@Suite("What enrolment forms take from the profile")
struct EnrollmentFollowsProfileTests {
    static func account(name: String?, schoolID: Int64?, declared: (Bool, Bool)?) -> EnrollmentAccount {
        EnrollmentAccount(
            id: 1, identity: "teacher", name: name, teacherType: "1", schoolID: schoolID, idType: "1", idNumber: "",
            title: nil, stage: "3", subject: "12", membershipStatus: declared == nil ? nil : "pending",
            declaredMentalHealth: declared?.0, declaredHomeroom: declared?.1)
    }

    @Test("filled fields are carried in form order; empty and cleared ones leave the form's value")
    func fieldsFollow() {
        let patch = EnrollmentFollowsProfile.patch(Self.account(name: "王芳", schoolID: 7, declared: nil))
        #expect(patch.fields.map(\.name) == ["name", "idType", "teacherType", "stage", "subject"])
        #expect(patch.fields.map(\.value) == ["王芳", "1", "1", "3", "12"])
        #expect(patch.schoolID == 7)
        #expect(patch.declaredMentalHealth == nil && patch.declaredHomeroom == nil)
        #expect(!patch.isEmpty)
    }

    @Test("declarations follow only while a membership holds them")
    func declarationsFollow() {
        let patch = EnrollmentFollowsProfile.patch(Self.account(name: nil, schoolID: nil, declared: (true, false)))
        #expect(patch.declaredMentalHealth == true && patch.declaredHomeroom == false)
        #expect(!patch.fields.contains { $0.name == "name" })
        #expect(patch.schoolID == nil)
    }

    @Test("a profile with nothing to carry changes no form")
    func nothingToCarry() {
        let empty = EnrollmentAccount(
            id: 1, identity: "teacher", name: "", teacherType: nil, schoolID: nil, idType: nil, idNumber: nil,
            title: nil, stage: nil, subject: nil, membershipStatus: nil, declaredMentalHealth: nil, declaredHomeroom: nil)
        #expect(EnrollmentFollowsProfile.patch(empty).isEmpty)
    }
}
