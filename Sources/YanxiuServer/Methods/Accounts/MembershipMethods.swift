import JSONRPC
import Yanxiu

/// What school administrators do: list pending teachers, verify their roles, remove them.
struct MembershipMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        let session = ParamSpec.string("session", required: false, "a school administrator's session (operators need none)")
        let school = ParamSpec.integer("schoolId", "the school")
        let user = ParamSpec.integer("userId", "the teacher's account")
        return [
            MethodDescriptor(
                "school.pendingTeachers",
                "The school's teachers awaiting verification (or with status: verified, all), oldest first; for its administrators and its county's.",
                access: .user,
                params: [session, school, .string("status", required: false, "pending (default), verified or all", oneOf: ["pending", "verified", "all"]),
                         .boolean("unmasked", required: false, "operators only: phone and ID in full")],
                result: "{teachers: [{userId, name, phone, idType, idNumber, status, declared, verified, joinedAt}]}",
                errors: ["params.invalid", "session.unknown", "auth.forbidden", "school.unknown"]
            ) { call in
                let schoolID = try call.params.requireInt64("schoolId")
                _ = try await app.authorise(call, Self.isAdmin(of: schoolID))
                let unmasked = try app.unmasked(call)
                let requested = call.params.string("status") ?? "pending"
                let status: MemberStatus? = requested == "all" ? nil : MemberStatus(rawValue: requested)
                let teachers = try await app.store.read { tx in try SchoolMembership.members(tx, schoolID: schoolID, status: status) }
                return ["teachers": .array(teachers.map { MembershipRendering.teacher($0, unmasked: unmasked) })]
            },
            MethodDescriptor(
                "school.verifyTeacher",
                "Verifies roles a member declared; name, ID and school are then locked until removal. By the school's or the county's administrators, never oneself. Audited, refusals too.",
                access: .user,
                params: [session, school, user, .boolean("mentalHealthTeacher", "verified as a mental-health education teacher"),
                         .boolean("homeroomTeacher", "verified as a homeroom teacher")],
                result: "the membership {schoolId, status, declared, verified, verifiedAt}",
                errors: ["params.invalid", "session.unknown", "auth.forbidden", "auth.self_verification", "school.unknown", "school.is_other", "member.unknown",
                         "member.role_not_declared", "member.already_verified"]
            ) { call in
                let schoolID = try call.params.requireInt64("schoolId")
                let userID = try call.params.requireInt64("userId")
                let mentalHealth = call.params.bool("mentalHealthTeacher") ?? false
                let homeroom = call.params.bool("homeroomTeacher") ?? false
                guard mentalHealth || homeroom else {
                    throw DomainError.invalid([.init(field: "mentalHealthTeacher", reason: "noRole"), .init(field: "homeroomTeacher", reason: "noRole")])
                }
                let actor = try await Self.authorise(app, call, action: "school.verifyTeacher", schoolID: schoolID, userID: userID)
                let now = app.clock.nowMs
                let member = try await app.store.writeKeeping { tx in
                    try SchoolMembership.verifyTeacher(tx, schoolID: schoolID, accountID: userID, mentalHealth: mentalHealth, homeroom: homeroom, actor: actor, now: now)
                }
                return MembershipRendering.member(member)
            },
            MethodDescriptor(
                "school.removeTeacher", "Ends a teacher's membership of the school; the profile unlocks. Never oneself. Audited, refusals too.", access: .user,
                params: [session, school, user], result: "{removed}",
                errors: ["params.invalid", "session.unknown", "auth.forbidden", "auth.self_verification", "school.unknown", "member.unknown"]
            ) { call in
                let schoolID = try call.params.requireInt64("schoolId")
                let userID = try call.params.requireInt64("userId")
                let actor = try await Self.authorise(app, call, action: "school.removeTeacher", schoolID: schoolID, userID: userID)
                let now = app.clock.nowMs
                try await app.store.writeKeeping { tx in
                    try SchoolMembership.removeTeacher(tx, schoolID: schoolID, accountID: userID, actor: actor, now: now)
                }
                return ["removed": true]
            },
        ]
    }

    /// `authorise` for verification and removal: a signed-in account that administers neither the
    /// school nor its county is refused (403) and the attempt is audited like every other refusal.
    static func authorise(_ app: AppContext, _ call: RPCCall, action: String, schoolID: Int64, userID: Int64) async throws -> AuditActor {
        do {
            return try await app.authorise(call, isAdmin(of: schoolID))
        } catch let refusal as DomainError where refusal.kind == .forbidden {
            let actor = app.actor(call, account: try await app.account(call))
            let now = app.clock.nowMs
            try await app.store.write { tx in
                try MembershipRefusals.record(tx, refusal, action: action, schoolID: schoolID, accountID: userID, actor: actor, now: now)
            }
            throw refusal
        }
    }

    /// The school's administrators and those of its county (who add missing schools and so must
    /// see and act on the teachers waiting in the county's "其他" school and the others).
    static func isAdmin(of schoolID: Int64) -> @Sendable (any StoreTransaction, Int64) throws -> Bool {
        { tx, account in try AdminGrants.administers(tx, accountID: account, schoolID: schoolID) }
    }
}
