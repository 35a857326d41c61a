import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("School administrators, verification and the profile lock")
struct VerificationTests {
    @Test("each transition: pending, verified and locked, removed and unlocked, edited and pending, verified again")
    func lockCycle() throws {
        let daemon = try LiveDaemon()
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let other = try daemon.schoolID("110101", "北京市第一六六中学")
        let admin = try daemon.register("13100000031")
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(school)])
        let teacher = try daemon.teacher("13100000032", name: "赵敏", schoolID: school)
        let adminSession = JSONValue.string(admin.session)
        let session = JSONValue.string(teacher.session)

        let pending = try daemon.call("school.pendingTeachers", ["session": adminSession, "schoolId": .int64(school)])["teachers"]?.arrayValue ?? []
        #expect(pending.map { $0["userId"]?.int64Value } == [teacher.userID])
        #expect(pending.first?["phone"] == "131****0032")
        #expect(pending.first?["idNumber"] == "11*****1233")
        #expect(pending.first?["declared"]?["mentalHealthTeacher"] == true)

        // Pending: everything may change, and changing school moves the request.
        try daemon.call("account.updateBasicInfo", ["session": session, "name": "赵敏敏", "teacherType": "staff", "schoolId": .int64(other)])
        #expect(try daemon.call("school.pendingTeachers", ["schoolId": .int64(school)])["teachers"]?.arrayValue?.isEmpty == true)
        #expect(try daemon.call("school.pendingTeachers", ["schoolId": .int64(other)])["teachers"]?.arrayValue?.count == 1)
        try daemon.call("account.updateBasicInfo", ["session": session, "name": "赵敏", "teacherType": "staff", "schoolId": .int64(school)])

        let verified = try daemon.call("school.verifyTeacher", [
            "session": adminSession, "schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false,
        ])
        #expect(verified["status"] == "verified")
        #expect(verified["verified"]?["mentalHealthTeacher"] == true)
        let again = rpcError {
            try daemon.call("school.verifyTeacher", ["session": adminSession, "schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false])
        }
        #expect(again?.code == 409)
        #expect(again?.reason == "member.already_verified")
        #expect(try daemon.call("account.me", ["session": session])["profileLocked"] == true)

        // Verified: name, school and ID are locked; title and teacher type are not.
        for (params, field) in [
            (["session": session, "name": "赵小敏", "teacherType": "staff", "schoolId": .int64(school)] as JSONObject, "name"),
            (["session": session, "name": "赵敏", "teacherType": "staff", "schoolId": .int64(other)], "schoolId"),
        ] {
            let locked = rpcError { try daemon.call("account.updateBasicInfo", params) }
            #expect(locked?.code == 409)
            #expect(locked?.reason == "profile.locked")
            #expect(locked?.fieldReasons == [field: "locked"])
        }
        let idLocked = rpcError { try daemon.call("account.updateDetails", ["session": session, "idType": "residentCard", "idNumber": "110101198501010025"]) }
        #expect(idLocked?.reason == "profile.locked")
        #expect(idLocked?.fieldReasons == ["idNumber": "locked"])
        let leaveTeacher = rpcError { try daemon.call("account.setIdentity", ["session": session, "identity": "parent", "nickname": "家长"]) }
        #expect(leaveTeacher?.reason == "profile.locked")
        #expect(try daemon.call("account.updateDetails", ["session": session, "title": "senior"])["title"] == "senior")
        #expect(try daemon.call("account.updateBasicInfo", ["session": session, "name": "赵敏", "teacherType": "substitute", "schoolId": .int64(school)])["teacherType"] == "substitute")

        // Removed: unlocked; the edit puts the teacher back in the queue, unverified.
        #expect(try daemon.call("school.removeTeacher", ["session": adminSession, "schoolId": .int64(school), "userId": .int64(teacher.userID)])["removed"] == true)
        #expect(try daemon.call("account.me", ["session": session])["membership"] == .null)
        let edited = try daemon.call("account.updateDetails", ["session": session, "idType": "residentCard", "idNumber": "110101198501010025"])
        #expect(edited["membership"]?["status"] == "pending")
        #expect(edited["profileLocked"] == false)
        // Removal dropped the declarations of the profile (an enrolment form's come back by themselves); declared again:
        try daemon.call("account.updateBasicInfo", ["session": session, "name": "赵敏", "teacherType": "staff", "schoolId": .int64(school),
                                                    "isMentalHealthTeacher": true, "isHomeroomTeacher": true])
        try daemon.call("school.verifyTeacher", ["schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": true])
        #expect(try daemon.call("account.me", ["session": session])["membership"]?["verified"]?["homeroomTeacher"] == true)

        let audited = try daemon.call("audit.list", ["target": .string("account:\(teacher.userID)")])["entries"]?.arrayValue ?? []
        #expect(audited.compactMap { $0["action"]?.stringValue } == ["school.verifyTeacher", "school.removeTeacher", "school.verifyTeacher.refused", "school.verifyTeacher"])
        #expect(audited.last?["actorAccount"]?.int64Value == admin.userID)
    }

    @Test("administrators act only on their own school or county")
    func scopes() throws {
        let daemon = try LiveDaemon()
        let school = try daemon.schoolID("110101", "北京市第二中学")
        let elsewhere = try daemon.schoolID("110102", "北京市第四中学")
        let admin = try daemon.register("13100000033")
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(school)])
        let teacher = try daemon.teacher("13100000034", schoolID: elsewhere)
        let adminSession = JSONValue.string(admin.session)
        let forbidden = rpcError {
            try daemon.call("school.verifyTeacher", ["session": adminSession, "schoolId": .int64(elsewhere), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false])
        }
        #expect(forbidden?.code == 403)
        #expect(forbidden?.reason == "auth.forbidden")
        #expect(rpcError { try daemon.call("school.pendingTeachers", ["session": .string(teacher.session), "schoolId": .int64(elsewhere)]) }?.reason == "auth.forbidden")
        let notMember = rpcError {
            try daemon.call("school.verifyTeacher", ["session": adminSession, "schoolId": .int64(school), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false])
        }
        #expect(notMember?.code == 404)
        #expect(notMember?.reason == "member.unknown")
        let noRole = rpcError {
            try daemon.call("school.verifyTeacher", ["schoolId": .int64(elsewhere), "userId": .int64(teacher.userID), "mentalHealthTeacher": false, "homeroomTeacher": false])
        }
        #expect(noRole?.fieldReasons == ["mentalHealthTeacher": "noRole", "homeroomTeacher": "noRole"])

        // County administrators add schools to their county only.
        try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "countyAdmin", "scope": "110101"])
        let created = try daemon.call("school.create", ["session": adminSession, "regionCode": "110101", "name": "北京市东城区新学校"])
        #expect(created["regionCode"] == "110101")
        #expect(created["isOther"] == false)
        let duplicate = rpcError { try daemon.call("school.create", ["session": adminSession, "regionCode": "110101", "name": "北京市东城区新学校"]) }
        #expect(duplicate?.code == 409)
        #expect(duplicate?.data["schoolId"] == created["schoolId"])
        #expect(rpcError { try daemon.call("school.create", ["session": adminSession, "regionCode": "110102", "name": "西城新学校"]) }?.reason == "auth.forbidden")
        #expect(rpcError { try daemon.call("school.create", ["regionCode": "110000", "name": "北京市某学校"]) }?.fieldReasons == ["regionCode": "notCounty"])
        let grants = try daemon.call("admin.list", ["userId": .int64(admin.userID)])["grants"]?.arrayValue ?? []
        #expect(grants.count == 2)
        try daemon.call("admin.revoke", ["userId": .int64(admin.userID), "role": "countyAdmin", "scope": "110101"])
        #expect(rpcError { try daemon.call("school.create", ["session": adminSession, "regionCode": "110101", "name": "又一所学校"]) }?.reason == "auth.forbidden")
        #expect(try daemon.audit("admin.revoke").count == 1)
    }

    @Test("an Other school has no administrator and its teachers stay unverified")
    func otherSchool() throws {
        let daemon = try LiveDaemon()
        let schools = try daemon.call("school.search", ["regionCode": "110101", "query": "不存在的学校"])["schools"]?.arrayValue ?? []
        let other = try #require(schools.last)
        #expect(schools.count == 1)
        #expect(other["isOther"] == true)
        #expect(other["name"] == "其他")
        let otherID = try #require(other["schoolId"]?.int64Value)
        let teacher = try daemon.teacher("13100000035", schoolID: otherID)
        #expect(try daemon.call("account.me", ["session": .string(teacher.session)])["membership"]?["status"] == "pending")
        let admin = try daemon.register("13100000036")
        let grant = rpcError { try daemon.call("admin.grant", ["userId": .int64(admin.userID), "role": "schoolAdmin", "scope": .int64(otherID)]) }
        #expect(grant?.code == 409)
        #expect(grant?.reason == "school.is_other")
        let verify = rpcError { try daemon.call("school.verifyTeacher", ["schoolId": .int64(otherID), "userId": .int64(teacher.userID), "mentalHealthTeacher": true, "homeroomTeacher": false]) }
        #expect(verify?.reason == "school.is_other")
    }
}
