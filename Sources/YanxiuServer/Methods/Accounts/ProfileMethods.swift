import JSONRPC
import Yanxiu

/// `account.me`, the operators' `account.get`, and the profile forms.
struct ProfileMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        let session = ParamSpec.string("session", "session token")
        return [
            MethodDescriptor(
                "account.me", "The caller's account; phone and ID number masked unless an operator asks for them unmasked.", access: .user,
                params: [session, .boolean("unmasked", required: false, "operators only: show phone and ID number in full")],
                result: "{userId, phone, identity, nickname, name, teacherType, school, idType, idNumber, title, stage, subject, membership, profileLocked, grants}",
                errors: ["session.unknown", "session.expired", "auth.operator_required"]
            ) { call in
                let unmasked = try app.unmasked(call)
                let account = try await app.account(call)
                return AccountRendering.profile(try await app.accounts.profile(accountID: account.accountID), unmasked: unmasked)
            },
            MethodDescriptor(
                "account.get", "Any account by userId or phone, for support staff; unmasked on request.", access: .operator,
                params: [
                    .integer("userId", required: false, "the account's id"), .string("phone", required: false, "or its phone", maxLength: 32),
                    .boolean("unmasked", required: false, "show phone and ID number in full"),
                ],
                result: "the account as account.me shows it", errors: ["params.invalid", "account.unknown", "auth.operator_required"]
            ) { call in
                let unmasked = try app.unmasked(call)
                let phone = call.params.string("phone") != nil ? try AccountParams.phone(call) : nil
                let userID = call.params.int64("userId")
                guard userID != nil || phone != nil else { throw DomainError.invalid(field: "userId", reason: "required") }
                let profile = if let userID { try await app.accounts.profile(accountID: userID) } else { try await app.accounts.profile(phone: phone!) }
                return AccountRendering.profile(profile, unmasked: unmasked)
            },
            MethodDescriptor(
                "account.setIdentity",
                "Chooses the identity (only teachers can enrol and study) and a nickname; switches are audited. Returning to teacher restores the enrolment form's declared roles, pending.",
                access: .user,
                params: [session, .string("identity", "teacher, student, parent, researcher, avStaff or administrator", oneOf: CodeLists.identity.codes),
                         .string("nickname", "1 to 20 characters", maxLength: 200)],
                result: "the account as account.me shows it",
                errors: ["params.invalid", "session.unknown", "session.expired", "profile.locked"]
            ) { call in
                let account = try await app.account(call)
                let identity = try call.params.require("identity")
                let nickname: String
                do { nickname = try PersonName.nickname(try call.params.require("nickname")) } catch let problem as PersonName.Problem {
                    throw DomainError.invalid(field: "nickname", reason: problem.rawValue)
                }
                let profile = try await app.accounts.setIdentity(
                    accountID: account.accountID, identity: identity, nickname: nickname, actor: app.actor(call, account: account))
                // Whether the account may study was cached by its heartbeat lane; it is asked again.
                await app.heartbeats.forgetEnrollments(accountID: account.accountID)
                return AccountRendering.profile(profile, unmasked: false)
            },
            MethodDescriptor(
                "account.updateBasicInfo",
                "Real name, teacher type and school; a teacher becomes a pending member of the school. Name and school are locked once verified.",
                access: .user,
                params: [
                    session, .string("name", "real name, 2 to 50 characters", maxLength: 200),
                    .string("teacherType", "a teacherType code of codes.list", oneOf: CodeLists.teacherType.codes),
                    .integer("schoolId", "a school from school.search"),
                    .boolean("isMentalHealthTeacher", required: false, "declared: a mental-health education teacher"),
                    .boolean("isHomeroomTeacher", required: false, "declared: a homeroom teacher"),
                ],
                result: "the account as account.me shows it",
                errors: ["params.invalid", "session.unknown", "session.expired", "identity.required", "school.unknown", "profile.locked"]
            ) { call in
                let account = try await app.account(call)
                let name: String
                do { name = try PersonName.realName(try call.params.require("name")) } catch let problem as PersonName.Problem {
                    throw DomainError.invalid(field: "name", reason: problem.rawValue)
                }
                let info = ProfileEditor.BasicInfo(
                    name: name, teacherType: try call.params.require("teacherType"), schoolID: try call.params.requireInt64("schoolId"),
                    mentalHealthTeacher: call.params.bool("isMentalHealthTeacher"), homeroomTeacher: call.params.bool("isHomeroomTeacher"))
                return AccountRendering.profile(try await app.accounts.updateBasicInfo(accountID: account.accountID, info: info), unmasked: false)
            },
            MethodDescriptor(
                "account.updateDetails",
                "ID type and number, title, stage and subject; each may be left out and completed later, an empty string clears it. ID is locked once verified.",
                access: .user,
                params: [
                    session, .string("idType", required: false, "an idType code of codes.list", maxLength: 64),
                    .string("idNumber", required: false, "checked by the rules of idType (GB 11643 for resident cards)", maxLength: 64),
                    .string("title", required: false, "a title code", maxLength: 64), .string("stage", required: false, "a stage code", maxLength: 64),
                    .string("subject", required: false, "a subject code", maxLength: 64),
                ],
                result: "the account as account.me shows it",
                errors: ["params.invalid", "session.unknown", "session.expired", "profile.locked"]
            ) { call in
                let account = try await app.account(call)
                let details = try DetailsParams.parse(call, today: app.today)
                return AccountRendering.profile(try await app.accounts.updateDetails(accountID: account.accountID, details: details), unmasked: false)
            },
        ]
    }
}

/// Validates the params of `account.updateDetails`, reporting every bad field at once.
enum DetailsParams {
    static func parse(_ call: RPCCall, today: CalendarDate) throws -> ProfileEditor.Details {
        var problems: [FieldProblem] = []
        func coded(_ field: String, _ list: CodeList) -> String?? {
            guard let value = call.params.string(field) else { return nil }
            if value.isEmpty { return .some(nil) }
            guard list.contains(value) else { problems.append(.init(field: field, reason: "notInList")); return nil }
            return .some(value)
        }
        let title = coded("title", CodeLists.title)
        let stage = coded("stage", CodeLists.stage)
        let subject = coded("subject", CodeLists.subject)
        var id: IDNumber?? = nil
        switch (call.params.string("idType"), call.params.string("idNumber")) {
        case (nil, nil): break
        case ("", ""): id = .some(nil)
        case (let type?, let number?):
            if let idType = IDType(rawValue: type) {
                do { id = .some(try IDNumber(type: idType, number: number, today: today)) } catch {
                    problems.append(.init(field: "idNumber", reason: error.reason))
                }
            } else {
                problems.append(.init(field: "idType", reason: "notInList"))
            }
        case (nil, _): problems.append(.init(field: "idType", reason: "required"))
        case (_, nil): problems.append(.init(field: "idNumber", reason: "required"))
        }
        if !problems.isEmpty { throw DomainError.invalid(problems) }
        return ProfileEditor.Details(id: id, title: title, stage: stage, subject: subject)
    }
}
