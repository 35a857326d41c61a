import JSONValues

/// The checks an administrator's verification or removal must pass, and the audit line every
/// refusal of them leaves.
public enum MembershipRefusals {
    /// Nobody verifies or removes themselves: an administrator who is also a teacher of the
    /// school needs another administrator of it, or the county's (403 `auth.self_verification`).
    static func checkNotSelf(actor: AuditActor, accountID: Int64) throws {
        guard actor.accountID == accountID else { return }
        throw DomainError(.forbidden, "auth.self_verification", "Nobody verifies or removes themselves: another administrator of the school or the county's must")
    }

    /// Only roles the teacher declared can be verified (409 `member.role_not_declared`, naming them).
    static func checkDeclared(_ member: SchoolMember, mentalHealth: Bool, homeroom: Bool) throws {
        var undeclared: [String] = []
        if mentalHealth, !member.declaredMentalHealth { undeclared.append("mentalHealthTeacher") }
        if homeroom, !member.declaredHomeroom { undeclared.append("homeroomTeacher") }
        guard !undeclared.isEmpty else { return }
        throw DomainError.conflict(
            "member.role_not_declared", "The teacher did not declare \(undeclared.joined(separator: ", ")) on the enrolment form or profile",
            data: ["fields": .array(undeclared.map { ["field": .string($0), "reason": "notDeclared"] })])
    }

    /// Runs `action` (a verification or removal); a refusal is recorded as `<action>.refused`
    /// with its reason and returned, so the caller commits the audit line and answers the refusal.
    public static func audited<T>(
        _ tx: any StoreTransaction, action: String, schoolID: Int64, accountID: Int64, actor: AuditActor, now: Int64, _ body: () throws -> T
    ) throws -> Result<T, DomainError> {
        do {
            return .success(try body())
        } catch let refusal as DomainError {
            try record(tx, refusal, action: action, schoolID: schoolID, accountID: accountID, actor: actor, now: now)
            return .failure(refusal)
        }
    }

    /// Records `<action>.refused` with the refusal's reason: for refusals the caller found itself
    /// (an account that administers neither the school nor its county).
    public static func record(_ tx: any StoreTransaction, _ refusal: DomainError, action: String, schoolID: Int64, accountID: Int64,
                              actor: AuditActor, now: Int64) throws {
        try tx.audit.record(at: now, actor: actor, action: action + ".refused", target: AccountRecord.target(accountID),
                            detail: ["schoolId": .int64(schoolID), "reason": .string(refusal.reason)])
    }
}
