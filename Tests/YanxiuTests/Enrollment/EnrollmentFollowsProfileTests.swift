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

    @Test("a changed profile reaches every form of the teacher and moves the enrolments, keeping the rest of each form",
          arguments: TestStores.Engine.allCases)
    func formsFollowOnTheStore(_ engine: TestStores.Engine) async throws {
        try await CatalogFixtures.withStore(engine) { store in
            try await EnrollmentFixtures.prepare(store)
            _ = try await CatalogFixtures.importTopic(store, CatalogFixtures.smallTopic(id: "t-two", lessonPrefix: "u"))
            try await EnrollmentFixtures.addAccount(store, id: 10, membership: "pending")
            try await EnrollmentFixtures.addAccount(store, id: 11)
            let form = try EnrollmentFixtures.readForm()
            try await store.write { tx in
                try tx.enrollments.insert(accountID: 10, topicID: "t-small", form: form, now: 1)
                try tx.enrollments.insert(accountID: 10, topicID: "t-two", form: form, now: 2)
                try tx.enrollments.insert(accountID: 11, topicID: "t-small", form: form, now: 3)
            }
            try await FixtureSQL.execute(store, "UPDATE school_member SET school_id = 3, declared_homeroom = TRUE WHERE account_id = 10")
            try await store.write { tx in
                try tx.enrollments.updateProfile(accountID: 10, fields: [("name", "李老师"), ("schoolId", "3"), ("title", "second")], now: 5_000)
                try EnrollmentFollowsProfile.update(tx, accountID: 10)
            }
            let account = try await store.read { tx in try tx.enrollments.enrollmentAccount(id: 10) }
            #expect(account?.name == "李老师" && account?.schoolID == 3 && account?.title == "second" && account?.teacherType == "staff")
            #expect(account?.membershipStatus == "pending" && account?.declaredMentalHealth == true && account?.declaredHomeroom == true)
            #expect(try await FixtureSQL.integer(store, "SELECT updated_at FROM account WHERE id = 10") == 5_000)

            let records = try await store.read { tx in
                [try tx.enrollments.enrollment(accountID: 10, topicID: "t-small"), try tx.enrollments.enrollment(accountID: 10, topicID: "t-two")]
            }
            for record in records {
                #expect(record?.form.name == "李老师" && record?.form.title == "second" && record?.form.schoolId == 3)
                #expect(record?.form.isMentalHealthTeacher == true && record?.form.isHomeroomTeacher == true)
                #expect(record?.form.ethnicity == "01" && record?.form.idNumber == EnrollmentFixtures.idNumber && record?.form.subject == "mentalHealth")
                #expect(record?.schoolID == 3 && record?.schoolName == "西城实验学校" && record?.regionCode == "110102")
            }
            #expect(try await FixtureSQL.integer(store, "SELECT COUNT(*) FROM enrollment WHERE account_id = 10 AND school_id = 3") == 2)
            let other = try await store.read { tx in try tx.enrollments.enrollment(accountID: 11, topicID: "t-small") }
            #expect(other?.form == form && other?.schoolID == 1)
        }
    }
}
