import JSONRPC
import Yanxiu

/// `enrollment.create`, `enrollment.get` and `enrollment.list`.
struct EnrollmentMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        return [
            MethodDescriptor(
                "enrollment.create",
                "Enrols the session's teacher in a topic with the enrolment form, which fills empty profile fields; a repeat answers 409 enrollment.exists with the existing enrollmentId.",
                access: .user,
                params: [
                    .string("session", "session token"), .string("topicId", "the topic"), .object("form", "the enrolment form (docs/documents.md#the-enrolment-form)"),
                    .boolean("replaceProfile", required: false,
                             "replace profile values the form differs from (audited); without it a difference is refused. Verified name, ID and school never change"),
                ],
                result: "{enrollmentId, …the enrolment as enrollment.get shows it}",
                errors: [
                    "params.invalid", "session.unknown", "session.expired", "topic.unknown", "enrollment.exists", "enrollment.not_open",
                    "enrollment.window_closed", "enrollment.teacher_required", "profile.incomplete", "profile.locked", "enrollment.profile_differs",
                ]
            ) { call in
                let account = try await app.account(call)
                let topicID = try call.params.require("topicId")
                let now = app.clock.nowMs
                let form = try EnrollmentFormReader.read(call.params["form"] ?? .null, today: CalendarDate.inChina(atMs: now))
                let replace = call.params.bool("replaceProfile") ?? false
                let record = try await app.store.write { tx in
                    try EnrollmentService.create(tx, accountID: account.accountID, topicID: topicID, form: form, replaceProfile: replace, now: now)
                }
                app.logger.info("enrolled", metadata: ["topic.id": "\(topicID)", "account.id": "\(account.accountID)", "enrollment.id": "\(record.id)"])
                return EnrollmentRendering.record(record)
            },
            MethodDescriptor(
                "enrollment.get", "The session's enrolment in a topic, with the verification of its declared roles.", access: .user,
                params: [.string("session", "session token"), .string("topicId", "the topic")],
                result: "{enrollmentId, topicId, schoolId, form, verification, createdAt}",
                errors: ["session.unknown", "session.expired", "enrollment.unknown"]
            ) { call in
                let account = try await app.account(call)
                let topicID = try call.params.require("topicId")
                let record = try await app.store.read { tx in try EnrollmentService.get(tx, accountID: account.accountID, topicID: topicID) }
                return EnrollmentRendering.record(record)
            },
            MethodDescriptor(
                "enrollment.list",
                "Enrolments of a topic, oldest first, for operators and for school and county administrators (teachers who are members of their schools now). Page with cursor and limit.",
                access: .user,
                params: [
                    .string("topicId", "the topic"),
                    .integer("schoolId", required: false, "only this school", minimum: 1),
                    .string("session", required: false, "an administrator's session (its grants decide the scope); operators may leave it out to see everything"),
                    .string("cursor", required: false, "nextCursor of the previous page"),
                    .integer("limit", required: false, "page size, 1 to \(EnrollmentQuery.maxLimit) (default \(EnrollmentQuery.defaultLimit))", minimum: 1),
                    .boolean("revealNumbers", required: false, "operators only: phone and ID numbers unmasked"),
                ],
                result: "{enrollments: [...], total, nextCursor}",
                errors: ["params.invalid", "session.unknown", "session.expired", "auth.forbidden", "topic.unknown", "school.unknown"]
            ) { call in
                try await list(app, call)
            },
        ]
    }

    private func list(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let topicID = try call.params.require("topicId")
        let schoolID = call.params.int64("schoolId")
        let limit = min(call.params.int("limit") ?? EnrollmentQuery.defaultLimit, EnrollmentQuery.maxLimit)
        let cursor = try call.params.string("cursor").map { text in
            guard let value = Int64(text), value >= 0 else { throw RPCError.invalidParams(field: "cursor", reason: "format") }
            return value
        }
        let reveal = call.params.bool("revealNumbers") ?? false
        if reveal, !call.peer.isOperator { throw RPCError.operatorRequired() }
        // A session decides the scope whoever passes it, so an operator can see what an administrator sees.
        let accountID: Int64?
        if call.params.string("session") != nil {
            accountID = try await app.account(call).accountID
        } else if call.peer.isOperator {
            accountID = nil
        } else {
            throw DomainError.unauthorized("session.unknown", "Administrators list enrolments with their session")
        }
        let page = try await app.store.read { tx in
            try EnrollmentQuery.list(tx, topicID: topicID, schoolID: schoolID, administrator: accountID, cursor: cursor, limit: limit)
        }
        return [
            "topicId": .string(topicID),
            "enrollments": .array(page.records.map { EnrollmentRendering.record($0, reveal: reveal) }),
            "total": .int(page.total),
            "nextCursor": .optional(page.nextCursor.map(String.init)),
        ]
    }
}
