import JSONValues

/// Validates an enrolment form field by field against the code lists and ID rules; a refusal
/// (-32602) names every bad field, relative to the form (`idNumber`, `ethnicity`).
public struct EnrollmentFormReader {
    var fields = DocumentFieldReader()
    /// The day and year the ID and entry-year checks take as "now" (China Standard Time).
    let today: CalendarDate

    public init(today: CalendarDate) { self.today = today }

    /// The form, or `DomainError.invalid` listing every problem.
    public static func read(_ value: JSONValue, today: CalendarDate) throws(DomainError) -> EnrollmentForm {
        var reader = EnrollmentFormReader(today: today)
        let form = reader.form(value)
        guard let form, reader.fields.problems.isEmpty else { throw DomainError.invalid(reader.fields.problems) }
        return form
    }

    mutating func form(_ value: JSONValue) -> EnrollmentForm? {
        guard let object = value.objectValue else {
            fields.report("form", "type")
            return nil
        }
        fields.rejectUnknown(object, known: Set(EnrollmentForm.requiredFields + EnrollmentForm.optionalFields), at: "")
        let name = self.name(object)
        let ethnicity = code(object, "ethnicity")
        let (idType, idNumber) = identity(object)
        let gender = code(object, "gender")
        if let gender, let idType, let idNumber { checkGender(gender, idType: idType, idNumber: idNumber) }
        let politicalStatus = code(object, "politicalStatus")
        let education = code(object, "education")
        let teacherType = code(object, "teacherType")
        let schoolId = fields.integer(object, "schoolId", at: "", range: 1...Int64.max)
        let mentalHealth = fields.bool(object, "isMentalHealthTeacher", at: "")
        let homeroom = fields.bool(object, "isHomeroomTeacher", at: "")
        let stage = code(object, "stage")
        let title = code(object, "title")
        let subject = code(object, "subject")
        let entryYear = fields.integer(object, "entryYear", at: "", required: false, range: 1950...Int64(today.year))
        let honours = code(object, "honours", required: false)
        let itAbility = code(object, "itAbility", required: false)
        let countyKeyTeacher = fields.bool(object, "countyKeyTeacher", at: "", required: false)
        let subjectLeader = fields.bool(object, "subjectLeader", at: "", required: false)
        let researcher = fields.bool(object, "researcher", at: "", required: false)
        guard let name, let ethnicity, let idType, let idNumber, let gender, let politicalStatus, let education, let teacherType,
            let schoolId, let mentalHealth, let homeroom, let stage, let title, let subject
        else { return nil }
        return EnrollmentForm(
            name: name, ethnicity: ethnicity, idType: idType, idNumber: idNumber, gender: gender, politicalStatus: politicalStatus,
            education: education, teacherType: teacherType, schoolId: schoolId, isMentalHealthTeacher: mentalHealth,
            isHomeroomTeacher: homeroom, stage: stage, title: title, subject: subject, entryYear: entryYear.map { Int($0) },
            honours: honours, itAbility: itAbility, countyKeyTeacher: countyKeyTeacher, subjectLeader: subjectLeader, researcher: researcher)
    }

    /// A real name by the accounts rules (`PersonName`), so the form and the profile accept the same names.
    mutating func name(_ object: JSONObject) -> String? {
        guard let text = fields.string(object, "name", at: "", maxLength: 200) else { return nil }
        do {
            return try PersonName.realName(text)
        } catch {
            fields.report("name", error.rawValue)
            return nil
        }
    }

    /// A code of the field's list; `not_in_list` for anything else.
    mutating func code(_ object: JSONObject, _ field: String, required: Bool = true) -> String? {
        guard let code = fields.string(object, field, at: "", required: required, maxLength: 64), !code.isEmpty else { return nil }
        guard EnrollmentCodeLists.list(field: field)?.contains(code) == true else {
            fields.report(field, "not_in_list")
            return nil
        }
        return code
    }

    /// The ID type and the number checked by that type's rules (`format`, `checksum`, `birthDate`, `region`).
    mutating func identity(_ object: JSONObject) -> (IDType?, String?) {
        let type = code(object, "idType").flatMap(IDType.init(rawValue:))
        guard let number = fields.string(object, "idNumber", at: "", maxLength: 64) else { return (type, nil) }
        guard let type else { return (nil, nil) }
        do {
            return (type, try IDNumber(type: type, number: number, today: today).value)
        } catch {
            fields.report("idNumber", error.reason)
            return (type, nil)
        }
    }

    /// A resident card's 17th digit is odd for men and even for women (GB 11643); a form that
    /// disagrees has one of the two wrong.
    mutating func checkGender(_ gender: String, idType: IDType, idNumber: String) {
        guard idType == .residentCard, idNumber.count == 18 else { return }
        let digit = Array(idNumber)[16]
        guard let value = AccountText.digitValue(digit) else { return }
        let expected = value % 2 == 1 ? "1" : "2"
        if gender != expected { fields.report("gender", "id_mismatch") }
    }
}
