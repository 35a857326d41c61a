import JSONRPC
import Yanxiu

/// The wire shape of an enrolment; phone and ID numbers masked unless `reveal` (operators who ask).
enum EnrollmentRendering {
    static func record(_ record: EnrollmentRecord, reveal: Bool = false) -> JSONValue {
        [
            "enrollmentId": .int64(record.id),
            "userId": .int64(record.accountID),
            "topicId": .string(record.topicID),
            "schoolId": .optional(record.schoolID),
            "schoolName": .optional(record.schoolName),
            "regionCode": .optional(record.regionCode),
            "phone": .string(reveal ? record.phone : Masking.phoneNumber(record.phone)),
            "form": form(record.form, reveal: reveal),
            "verification": [
                "status": .string(record.membership.status ?? "none"),
                "mentalHealthTeacher": .bool(record.membership.verifiedMentalHealthTeacher),
                "homeroomTeacher": .bool(record.membership.verifiedHomeroomTeacher),
            ],
            "createdAt": .string(Timestamp.format(record.createdAt)),
        ]
    }

    static func form(_ form: EnrollmentForm, reveal: Bool) -> JSONValue {
        var object: JSONObject = [
            "name": .string(form.name),
            "ethnicity": .string(form.ethnicity),
            "idType": .string(form.idType.code),
            "idNumber": .string(reveal ? form.idNumber : Masking.idNumber(form.idNumber)),
            "gender": .string(form.gender),
            "politicalStatus": .string(form.politicalStatus),
            "education": .string(form.education),
            "teacherType": .string(form.teacherType),
            "schoolId": .int64(form.schoolId),
            "isMentalHealthTeacher": .bool(form.isMentalHealthTeacher),
            "isHomeroomTeacher": .bool(form.isHomeroomTeacher),
            "stage": .string(form.stage),
            "title": .string(form.title),
            "subject": .string(form.subject),
        ]
        if let year = form.entryYear { object["entryYear"] = .int(year) }
        if let honours = form.honours { object["honours"] = .string(honours) }
        if let itAbility = form.itAbility { object["itAbility"] = .string(itAbility) }
        if let flag = form.countyKeyTeacher { object["countyKeyTeacher"] = .bool(flag) }
        if let flag = form.subjectLeader { object["subjectLeader"] = .bool(flag) }
        if let flag = form.researcher { object["researcher"] = .bool(flag) }
        return .object(object)
    }
}
