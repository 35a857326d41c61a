import JSONValues

/// What a verification locks: the values the administrator saw. A field that was empty when
/// verified may be filled in (once, since it is then no longer empty; audited); a value that
/// was there may not change or be cleared until the administrator removes the teacher.
public enum LockedFields {
    /// The fields that fill an empty value; 409 `profile.locked` naming every field whose
    /// present value would change. Each entry is (field, stored value, new value).
    public static func check(_ fields: [(String, String?, String?)]) throws -> [String] {
        var locked: [String] = []
        var fills: [String] = []
        for (field, stored, new) in fields where stored != new {
            if stored == nil || stored == "" { fills.append(field) } else { locked.append(field) }
        }
        if !locked.isEmpty { throw ProfileEditor.lockedError(locked) }
        return fills
    }

    /// Audits the filling of empty fields of a verified profile (`account.lockedFieldFilled`).
    public static func recordFilled(_ tx: any StoreTransaction, accountID: Int64, fields: [String], via method: String, now: Int64) throws {
        guard !fields.isEmpty else { return }
        try tx.audit.record(at: now, actor: AuditActor(accountID: accountID), action: "account.lockedFieldFilled",
                            target: AccountRecord.target(accountID),
                            detail: ["fields": .array(fields.map(JSONValue.string)), "via": .string(method)])
    }
}
