import Foundation
import GRDB

/// `AccountsStore` on SQLite: the accounts themselves here, the rest in `SQLiteAccountsStore+*.swift`.
struct SQLiteAccountsStore: AccountsStore {
    let db: Database

    /// Password locks are kept per phone and client (`login_lock`), registered or not; the account
    /// shows the latest end of any of its number's locks.
    static let selection = """
        SELECT account.*, (SELECT max(locked_until) FROM login_lock WHERE login_lock.phone = account.phone) AS lock_until FROM account
        """

    func account(id: Int64) throws -> AccountRecord? {
        try Row.fetchOne(db, sql: "\(Self.selection) WHERE account.id = ?", arguments: [id]).map(AccountRecord.init(row:))
    }

    func account(phone: String) throws -> AccountRecord? {
        try Row.fetchOne(db, sql: "\(Self.selection) WHERE account.phone = ?", arguments: [phone]).map(AccountRecord.init(row:))
    }

    func createAccount(phone: String, passwordHash: String, at: Int64) throws -> Int64? {
        try db.execute(
            sql: "INSERT INTO account (phone, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (phone) DO NOTHING",
            arguments: [phone, passwordHash, at, at])
        return db.changesCount == 0 ? nil : db.lastInsertedRowID
    }

    func setPasswordHash(accountID: Int64, hash: String, updatedAt: Int64?) throws {
        if let updatedAt {
            try db.execute(sql: "UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?", arguments: [hash, updatedAt, accountID])
        } else {
            try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [hash, accountID])
        }
    }

    func setPhone(accountID: Int64, phone: String, updatedAt: Int64) throws {
        try db.execute(sql: "UPDATE account SET phone = ?, updated_at = ? WHERE id = ?", arguments: [phone, updatedAt, accountID])
    }

    func setIdentity(accountID: Int64, identity: String, nickname: String, updatedAt: Int64) throws {
        try db.execute(sql: "UPDATE account SET identity = ?, nickname = ?, updated_at = ? WHERE id = ?",
                       arguments: [identity, nickname, updatedAt, accountID])
    }

    func setBasicInfo(accountID: Int64, name: String, teacherType: String, schoolID: Int64, updatedAt: Int64) throws {
        try db.execute(sql: "UPDATE account SET name = ?, teacher_type = ?, school_id = ?, updated_at = ? WHERE id = ?",
                       arguments: [name, teacherType, schoolID, updatedAt, accountID])
    }

    func setDetails(accountID: Int64, details: ProfileEditor.Details, updatedAt: Int64) throws {
        if let id = details.id {
            try db.execute(sql: "UPDATE account SET id_type = ?, id_number = ? WHERE id = ?", arguments: [id?.type.code, id?.value, accountID])
        }
        for (column, value) in [("title", details.title), ("stage", details.stage), ("subject", details.subject)] {
            if let value { try db.execute(sql: "UPDATE account SET \(column) = ? WHERE id = ?", arguments: [value, accountID]) }
        }
        try db.execute(sql: "UPDATE account SET updated_at = ? WHERE id = ?", arguments: [updatedAt, accountID])
    }
}

extension AccountRecord {
    init(row: Row) {
        self.init(
            id: row["id"], phone: row["phone"], passwordHash: row["password_hash"], identity: row["identity"], nickname: row["nickname"],
            name: row["name"], teacherType: row["teacher_type"], schoolID: row["school_id"], idType: row["id_type"],
            idNumber: row["id_number"], title: row["title"], stage: row["stage"], subject: row["subject"],
            passwordLockedUntil: row["lock_until"], createdAt: row["created_at"])
    }
}
