import JSONRPC
import Yanxiu

/// Operators' grants of school and county administration, and the audit log.
struct AdminMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        let app = self.app
        let grantParams: [ParamSpec] = [
            .integer("userId", "the account"), .string("role", "schoolAdmin or countyAdmin", oneOf: AdminGrants.Role.allCases.map(\.rawValue)),
            ParamSpec("scope", .any, "schoolId for schoolAdmin, county region code for countyAdmin"),
        ]
        return [
            MethodDescriptor(
                "admin.grant", "Makes an account administrator of a school or a county. Audited.", access: .operator,
                params: grantParams, result: "{granted}",
                errors: ["params.invalid", "auth.operator_required", "account.unknown", "school.unknown", "school.is_other", "region.unknown", "grant.exists"]
            ) { call in
                let (userID, role, scope) = try Self.grantParams(call)
                let actor = app.actor(call)
                let now = app.clock.nowMs
                try await app.store.write { tx in try AdminGrants.grant(tx, accountID: userID, role: role, scope: scope, actor: actor, now: now) }
                return ["granted": true]
            },
            MethodDescriptor(
                "admin.revoke", "Withdraws a grant. Audited.", access: .operator,
                params: grantParams, result: "{revoked}", errors: ["params.invalid", "auth.operator_required", "grant.unknown"]
            ) { call in
                let (userID, role, scope) = try Self.grantParams(call)
                let actor = app.actor(call)
                let now = app.clock.nowMs
                try await app.store.write { tx in try AdminGrants.revoke(tx, accountID: userID, role: role, scope: scope, actor: actor, now: now) }
                return ["revoked": true]
            },
            MethodDescriptor(
                "admin.list", "Every grant, or one account's.", access: .operator,
                params: [.integer("userId", required: false, "only this account's grants")], result: "{grants: [{userId, role, scope, grantedAt}]}",
                errors: ["auth.operator_required"]
            ) { call in
                let userID = call.params.int64("userId")
                let grants = try await app.store.read { tx in try AdminGrants.list(tx, accountID: userID) }
                return ["grants": .array(grants.map(MembershipRendering.grant))]
            },
            MethodDescriptor(
                "audit.list", "Audit entries, newest first, filtered by action, target, acting account and time.", access: .operator,
                params: [
                    .string("action", required: false, "e.g. admin.grant, account.locked", maxLength: 64),
                    .string("target", required: false, "e.g. account:42, school:7", maxLength: 64),
                    .integer("actorAccount", required: false, "the acting account's userId"),
                    .string("since", required: false, "RFC 3339, inclusive"), .string("until", required: false, "RFC 3339, exclusive"),
                    .integer("before", required: false, "only entries with a smaller id (paging)"),
                    .integer("limit", required: false, "at most this many (default 100, at most 1000)", minimum: 1),
                ],
                result: "{entries: [{id, at, actorAccount, actorUid, action, target, detail}]}",
                errors: ["params.invalid", "auth.operator_required"]
            ) { call in
                var filter = AuditFilter()
                filter.action = call.params.string("action")
                filter.target = call.params.string("target")
                filter.actorAccountID = call.params.int64("actorAccount")
                filter.beforeID = call.params.int64("before")
                filter.limit = min(call.params.int("limit") ?? 100, 1000)
                for field in ["since", "until"] {
                    guard let text = call.params.string(field) else { continue }
                    guard let ms = Timestamp.parse(text) else { throw DomainError.invalid(field: field, reason: "format") }
                    if field == "since" { filter.since = ms } else { filter.until = ms }
                }
                let query = filter
                let entries = try await app.store.read { tx in try tx.audit.entries(query) }
                return ["entries": .array(entries.map(Self.json))]
            },
        ]
    }

    static func grantParams(_ call: RPCCall) throws -> (Int64, AdminGrants.Role, String) {
        let role = AdminGrants.Role(rawValue: try call.params.require("role"))!
        let scope: String
        switch call.params["scope"] {
        case .string(let text): scope = text
        case .number(let number) where number.int64 != nil: scope = String(number.int64!)
        default: throw DomainError.invalid(field: "scope", reason: "type")
        }
        return (try call.params.requireInt64("userId"), role, scope)
    }

    static func json(_ entry: AuditEntry) -> JSONValue {
        [
            "id": .int64(entry.id),
            "at": .string(Timestamp.format(entry.at)),
            "actorAccount": .optional(entry.actorAccountID),
            "actorUid": .optional(entry.actorUid),
            "action": .string(entry.action),
            "target": .optional(entry.target),
            "detail": .object(entry.detail),
        ]
    }
}
