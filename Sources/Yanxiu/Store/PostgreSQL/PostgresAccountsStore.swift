import Foundation
import JSONValues

/// `AccountsStore` on PostgreSQL.
struct PostgresAccountsStore: AccountsStore {
    let db: PostgresDatabase

    func account(id: Int64) throws -> AccountRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func account(phone: String) throws -> AccountRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func createAccount(phone: String, passwordHash: String, at: Int64) throws -> Int64? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setPasswordHash(accountID: Int64, hash: String, updatedAt: Int64?) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setPhone(accountID: Int64, phone: String, updatedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setIdentity(accountID: Int64, identity: String, nickname: String, updatedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setBasicInfo(accountID: Int64, name: String, teacherType: String, schoolID: Int64, updatedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setDetails(accountID: Int64, details: ProfileEditor.Details, updatedAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertSession(tokenHash: Data, accountID: Int64, createdAt: Int64, expiresAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func session(tokenHash: Data) throws -> AuthenticatedAccount? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setSessionExpiry(tokenHash: Data, expiresAt: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteSession(tokenHash: Data) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteSessions(accountID: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func afterCommit(_ action: @escaping @Sendable () -> Void) {
        fatalError("not yet on PostgreSQL")
    }

    func latestCode(phone: String, purpose: SMSPurpose) throws -> SMSCodeRecord? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func latestCodeTime(phone: String, purpose: SMSPurpose) throws -> Int64? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func codeTimes(phone: String, after: Int64) throws -> [Int64] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func insertCode(phone: String, purpose: SMSPurpose, codeHash: Data, createdAt: Int64, expiresAt: Int64) throws -> Int64 {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteCode(id: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func countWrongTry(codeID: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func markCodeUsed(codeID: Int64, at: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func addToOutbox(phone: String, text: String, at: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func outbox(phone: String, limit: Int) throws -> [SMSMessage] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func addLoginFailure(phone: String, client: String, at: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func loginFailureTimes(phone: String, client: String, after: Int64) throws -> [Int64] {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteLoginFailures(phone: String, client: String?) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func loginLock(phone: String, client: String) throws -> Int64? {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func setLoginLock(phone: String, client: String, until: Int64) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func deleteLoginLocks(phone: String) throws {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneSessions(expiredBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneCodes(issuedBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneOutbox(sentBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneLoginFailures(failedBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }

    func pruneLoginLocks(endedBy: Int64, limit: Int) throws -> Int {
        throw StoreError.unavailable("not yet on PostgreSQL")
    }
}
