import Foundation
import Postgres

/// `AccountsStore` on PostgreSQL: the accounts themselves here, the rest in `PostgresAccountsStore+*.swift`.
struct PostgresAccountsStore: AccountsStore {
    let db: PostgresDatabase

    /// Password locks are kept per phone and client (`login_lock`), registered or not; the account
    /// shows the latest end of any of its number's locks.
    static let selection = """
        SELECT account.*, (SELECT max(locked_until) FROM login_lock WHERE login_lock.phone = account.phone) AS lock_until FROM account
        """

    func account(id: Int64) throws -> AccountRecord? {
        try db.first("\(Self.selection) WHERE account.id = $1", [id]).map(AccountRecord.init(postgres:))
    }

    func account(phone: String) throws -> AccountRecord? {
        try db.first("\(Self.selection) WHERE account.phone = $1", [phone]).map(AccountRecord.init(postgres:))
    }

    func createAccount(phone: String, passwordHash: String, at: Int64) throws -> Int64? {
        try db.first("""
            INSERT INTO account (phone, password_hash, created_at, updated_at) VALUES ($1, $2, $3, $3)
            ON CONFLICT (phone) DO NOTHING RETURNING id
            """, [phone, passwordHash, at])?[0]
    }

    func setPasswordHash(accountID: Int64, hash: String, updatedAt: Int64?) throws {
        if let updatedAt {
            try db.execute("UPDATE account SET password_hash = $1, updated_at = $2 WHERE id = $3", [hash, updatedAt, accountID])
        } else {
            try db.execute("UPDATE account SET password_hash = $1 WHERE id = $2", [hash, accountID])
        }
    }

    func setPhone(accountID: Int64, phone: String, updatedAt: Int64) throws {
        try db.execute("UPDATE account SET phone = $1, updated_at = $2 WHERE id = $3", [phone, updatedAt, accountID])
    }

    func setIdentity(accountID: Int64, identity: String, nickname: String, updatedAt: Int64) throws {
        try db.execute("UPDATE account SET identity = $1, nickname = $2, updated_at = $3 WHERE id = $4",
                       [identity, nickname, updatedAt, accountID])
    }

    func setBasicInfo(accountID: Int64, name: String, teacherType: String, schoolID: Int64, updatedAt: Int64) throws {
        try db.execute("UPDATE account SET name = $1, teacher_type = $2, school_id = $3, updated_at = $4 WHERE id = $5",
                       [name, teacherType, schoolID, updatedAt, accountID])
    }

    /// One statement: each field is set only when its flag says the caller gave it.
    func setDetails(accountID: Int64, details: ProfileEditor.Details, updatedAt: Int64) throws {
        let id = details.id.flatMap { $0 }
        try db.execute("""
            UPDATE account SET
                id_type = CASE WHEN $2 THEN $3::text ELSE id_type END,
                id_number = CASE WHEN $2 THEN $4::text ELSE id_number END,
                title = CASE WHEN $5 THEN $6::text ELSE title END,
                stage = CASE WHEN $7 THEN $8::text ELSE stage END,
                subject = CASE WHEN $9 THEN $10::text ELSE subject END,
                updated_at = $11
            WHERE id = $1
            """, [
                accountID, details.id != nil, id?.type.code, id?.value,
                details.title != nil, details.title.flatMap { $0 }, details.stage != nil, details.stage.flatMap { $0 },
                details.subject != nil, details.subject.flatMap { $0 }, updatedAt,
            ])
    }
}

extension AccountRecord {
    init(postgres row: PostgresRow) {
        self.init(
            id: row["id"], phone: row["phone"], passwordHash: row["password_hash"], identity: row["identity"], nickname: row["nickname"],
            name: row["name"], teacherType: row["teacher_type"], schoolID: row["school_id"], idType: row["id_type"],
            idNumber: row["id_number"], title: row["title"], stage: row["stage"], subject: row["subject"],
            passwordLockedUntil: row["lock_until"], createdAt: row["created_at"])
    }
}
