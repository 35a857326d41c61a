import JSONRPC
import Testing
@testable import Yanxiu

@Suite("The enrolment form, field by field")
struct EnrollmentFormReaderTests {
    typealias Problem = FieldProblem

    static func problems(_ value: JSONValue) -> [Problem] {
        do {
            _ = try EnrollmentFixtures.readForm(value)
            return []
        } catch let error as DomainError {
            return error.fields
        } catch {
            return [Problem(field: "?", reason: "\(error)")]
        }
    }

    @Test("a complete form is accepted as written")
    func complete() throws {
        let form = try EnrollmentFixtures.readForm(
            EnrollmentFixtures.form.setting("entryYear", 2008).setting("honours", "county").setting("itAbility", "advanced")
                .setting("countyKeyTeacher", true).setting("subjectLeader", false).setting("researcher", true))
        #expect(form.name == "张老师" && form.ethnicity == "01" && form.idType == .residentCard)
        #expect(form.idNumber == EnrollmentFixtures.idNumber && form.schoolId == 1)
        #expect(form.isMentalHealthTeacher && !form.isHomeroomTeacher)
        #expect(form.entryYear == 2008 && form.honours == "county" && form.itAbility == "advanced")
        #expect(form.countyKeyTeacher == true && form.subjectLeader == false && form.researcher == true)
    }

    @Test("each required field missing in turn is named", arguments: EnrollmentForm.requiredFields)
    func requiredFieldMissing(_ field: String) {
        #expect(Self.problems(EnrollmentFixtures.form.setting(field, nil)) == [Problem(field: field, reason: "required")])
    }

    @Test("the optional fields may all be left out")
    func optionalFieldsOptional() {
        #expect(Self.problems(EnrollmentFixtures.form) == [])
    }

    /// A code outside its list, for every field that takes codes.
    static let badCodes: [(field: String, value: JSONValue)] = [
        ("ethnicity", "57"), ("ethnicity", "汉族"), ("ethnicity", "1"), ("politicalStatus", "14"), ("education", "phd"),
        ("gender", "0"), ("teacherType", "teacher"), ("stage", "university"), ("title", "professor"), ("subject", "Math"),
        ("idType", "drivingLicence"), ("honours", "world"), ("itAbility", "expert"),
    ]

    @Test("codes outside the national and platform lists are refused", arguments: badCodes.indices)
    func badCode(_ index: Int) {
        let (field, value) = Self.badCodes[index]
        #expect(Self.problems(EnrollmentFixtures.form.setting(field, value)) == [Problem(field: field, reason: "not_in_list")])
    }

    @Test("all 56 ethnic groups of GB/T 3304 are accepted")
    func allEthnicGroups() {
        for code in 1...56 {
            let text = code < 10 ? "0\(code)" : "\(code)"
            #expect(Self.problems(EnrollmentFixtures.form.setting("ethnicity", .string(text))) == [], "ethnicity \(text)")
        }
    }

    @Test("ID numbers are checked by the rules of their type")
    func idNumbers() {
        var wrongCheck = EnrollmentFixtures.idNumber
        let last = wrongCheck.removeLast()
        wrongCheck.append(last == "0" ? "1" : "0")
        #expect(Self.problems(EnrollmentFixtures.form.setting("idNumber", .string(wrongCheck))) == [Problem(field: "idNumber", reason: "checksum")])
        #expect(Self.problems(EnrollmentFixtures.form.setting("idNumber", "12345")) == [Problem(field: "idNumber", reason: "format")])
        let future = AccountsFixtures.residentNumber(address: "110101", birth: "20300101", sequence: "123")
        #expect(Self.problems(EnrollmentFixtures.form.setting("idNumber", .string(future))) == [Problem(field: "idNumber", reason: "birthDate")])
        // A passport number is not held to the resident card's checksum.
        #expect(Self.problems(EnrollmentFixtures.form.setting("idType", "passport").setting("idNumber", "E12345678")) == [])
    }

    @Test("gender must agree with a resident card's sex digit")
    func genderAgreesWithID() {
        #expect(Self.problems(EnrollmentFixtures.form.setting("gender", "2")) == [Problem(field: "gender", reason: "id_mismatch")])
        let woman = AccountsFixtures.residentNumber(address: "110101", birth: "19850612", sequence: "124")
        #expect(Self.problems(EnrollmentFixtures.form.setting("gender", "2").setting("idNumber", .string(woman))) == [])
    }

    @Test("types, ranges, names and unknown fields")
    func otherProblems() {
        let value = EnrollmentFixtures.form
            .setting("name", "张3")
            .setting("schoolId", "1")
            .setting("isHomeroomTeacher", "否")
            .setting("entryYear", 2030)
            .setting("nickname", "x")
        #expect(Self.problems(value) == [
            Problem(field: "nickname", reason: "unknown"),
            Problem(field: "name", reason: "characters"),
            Problem(field: "schoolId", reason: "type"),
            Problem(field: "isHomeroomTeacher", reason: "type"),
            Problem(field: "entryYear", reason: "out_of_range"),
        ])
        #expect(Self.problems(EnrollmentFixtures.form.setting("name", "阿依古丽·买买提")) == [])
        #expect(Self.problems(EnrollmentFixtures.form.setting("name", "张")) == [Problem(field: "name", reason: "tooShort")])
    }
}
