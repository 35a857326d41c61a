import GRDB

/// One row of `account`, as the profile rules read it.
public struct AccountRecord: Sendable, Hashable {
    public var id: Int64
    public var phone: String
    public var passwordHash: String
    public var identity: String?
    public var nickname: String?
    public var name: String?
    public var teacherType: String?
    public var schoolID: Int64?
    public var idType: String?
    public var idNumber: String?
    public var title: String?
    public var stage: String?
    public var subject: String?
    public var passwordLockedUntil: Int64?
    public var createdAt: Int64

    init(row: Row) {
        id = row["id"]
        phone = row["phone"]
        passwordHash = row["password_hash"]
        identity = row["identity"]
        nickname = row["nickname"]
        name = row["name"]
        teacherType = row["teacher_type"]
        schoolID = row["school_id"]
        idType = row["id_type"]
        idNumber = row["id_number"]
        title = row["title"]
        stage = row["stage"]
        subject = row["subject"]
        passwordLockedUntil = row["lock_until"]
        createdAt = row["created_at"]
    }

    /// Password locks are kept per phone and client (`login_lock`), registered or not; the account
    /// shows the latest end of any of its number's locks.
    static let selection = """
        SELECT account.*, (SELECT max(locked_until) FROM login_lock WHERE login_lock.phone = account.phone) AS lock_until FROM account
        """

    public static func fetch(_ db: Database, id: Int64) throws -> AccountRecord? {
        try Row.fetchOne(db, sql: "\(selection) WHERE account.id = ?", arguments: [id]).map(AccountRecord.init(row:))
    }

    public static func fetch(_ db: Database, phone: String) throws -> AccountRecord? {
        try Row.fetchOne(db, sql: "\(selection) WHERE account.phone = ?", arguments: [phone]).map(AccountRecord.init(row:))
    }

    /// The account, or 404 `account.unknown`.
    public static func require(_ db: Database, id: Int64) throws -> AccountRecord {
        guard let account = try fetch(db, id: id) else { throw DomainError.notFound("account.unknown", "No account with this userId") }
        return account
    }

    public var isTeacher: Bool { identity == "teacher" }

    /// The audit target naming this account.
    public static func target(_ id: Int64) -> String { "account:\(id)" }
}
