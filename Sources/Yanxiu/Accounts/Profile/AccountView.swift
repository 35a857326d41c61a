import GRDB
import JSONRPC

/// The account as `account.me` and operators' lookups show it.
public enum AccountView {
    /// Phone and ID number masked unless `unmasked` (operators only; the caller checks).
    public static func json(_ db: Database, accountID: Int64, unmasked: Bool, now: Int64) throws -> JSONValue {
        let account = try AccountRecord.require(db, id: accountID)
        var school: JSONValue = .null
        if let schoolID = account.schoolID, let row = try SchoolDirectory.fetch(db, id: schoolID) {
            school = SchoolDirectory.json(row)
        }
        let member = try SchoolMembership.fetch(db, accountID: accountID)
        let grants = try AdminGrants.list(db, accountID: accountID)
        let locked = account.passwordLockedUntil.map { $0 > now } ?? false
        return [
            "userId": .int64(account.id),
            "phone": .string(unmasked ? account.phone : Masking.phoneNumber(account.phone)),
            "identity": .optional(account.identity),
            "nickname": .optional(account.nickname),
            "name": .optional(account.name),
            "teacherType": .optional(account.teacherType),
            "school": school,
            "idType": .optional(account.idType),
            "idNumber": .optional(account.idNumber.map { unmasked ? $0 : Masking.idNumber($0) }),
            "title": .optional(account.title),
            "stage": .optional(account.stage),
            "subject": .optional(account.subject),
            "membership": member?.json ?? .null,
            "profileLocked": .bool(member?.isVerified ?? false),
            "passwordLoginLocked": .bool(locked),
            "grants": .array(grants),
            "createdAt": .string(Timestamp.format(account.createdAt)),
        ]
    }
}
