import Foundation

/// The operations on accounts: accounts, sessions, SMS codes and their outbox, failed logins and login locks.
///
/// Every operation runs inside the caller's transaction and sees what earlier operations of that
/// transaction wrote. Operations that find nothing return nil or an empty list; updates and deletes
/// of rows that are not there do nothing. Phone numbers are the 11 digits of `PhoneNumber.digits`.
public protocol AccountsStore {
    // MARK: Accounts

    /// The account with this id, with the latest end of any login lock of its phone.
    func account(id: Int64) throws -> AccountRecord?
    /// The account holding this phone number.
    func account(phone: String) throws -> AccountRecord?
    /// Creates an account; nil (and nothing created) when the phone already has one.
    func createAccount(phone: String, passwordHash: String, at: Int64) throws -> Int64?
    /// Replaces the password hash; `updatedAt` nil leaves the account's change time (a hash upgrade changes nothing the owner did).
    func setPasswordHash(accountID: Int64, hash: String, updatedAt: Int64?) throws
    /// Moves the account to a phone number no other account holds (the caller checks).
    func setPhone(accountID: Int64, phone: String, updatedAt: Int64) throws
    func setIdentity(accountID: Int64, identity: String, nickname: String, updatedAt: Int64) throws
    func setBasicInfo(accountID: Int64, name: String, teacherType: String, schoolID: Int64, updatedAt: Int64) throws
    /// Saves the details that are not nil (an inner nil clears the field) and the change time.
    func setDetails(accountID: Int64, details: ProfileEditor.Details, updatedAt: Int64) throws

    // MARK: Sessions (kept by the SHA-256 of their token)

    func insertSession(tokenHash: Data, accountID: Int64, createdAt: Int64, expiresAt: Int64) throws
    /// The session with this token hash, expired or not.
    func session(tokenHash: Data) throws -> AuthenticatedAccount?
    func setSessionExpiry(tokenHash: Data, expiresAt: Int64) throws
    func deleteSession(tokenHash: Data) throws
    func deleteSessions(accountID: Int64) throws
    /// Runs `action` after the transaction commits (the session cache forgets the sessions it ended).
    func afterCommit(_ action: @escaping @Sendable () -> Void)

    // MARK: SMS codes and the outbox

    /// The most recently issued code of the phone and purpose.
    func latestCode(phone: String, purpose: SMSPurpose) throws -> SMSCodeRecord?
    /// When the latest code of the phone and purpose was issued.
    func latestCodeTime(phone: String, purpose: SMSPurpose) throws -> Int64?
    /// When the phone's codes of every purpose issued after `after` were issued.
    func codeTimes(phone: String, after: Int64) throws -> [Int64]
    /// Stores a code (as its hash) and returns its id.
    func insertCode(phone: String, purpose: SMSPurpose, codeHash: Data, createdAt: Int64, expiresAt: Int64) throws -> Int64
    func deleteCode(id: Int64) throws
    /// Counts one wrong try against the code.
    func countWrongTry(codeID: Int64) throws
    func markCodeUsed(codeID: Int64, at: Int64) throws
    func addToOutbox(phone: String, text: String, at: Int64) throws
    /// The outbox messages of the phone, newest first.
    func outbox(phone: String, limit: Int) throws -> [SMSMessage]

    /// Waits until no other transaction counts the phone's codes, code tries, failed logins or
    /// locks, and keeps others waiting until this one ends: every read-then-write of those counts
    /// runs under it, so daemons sharing one database count each try once. Write transactions only.
    func lockCounters(phone: String) throws

    // MARK: Failed logins and login locks, per phone and client key (`LoginClient.key`)

    func addLoginFailure(phone: String, client: String, at: Int64) throws
    /// When the failures of the phone and client after `after` happened.
    func loginFailureTimes(phone: String, client: String, after: Int64) throws -> [Int64]
    /// Forgets the failures of the phone for one client, or for every client when `client` is nil.
    func deleteLoginFailures(phone: String, client: String?) throws
    /// The end of the lock of the phone and client, ended or not.
    func loginLock(phone: String, client: String) throws -> Int64?
    /// Sets (or replaces) the lock of the phone and client.
    func setLoginLock(phone: String, client: String, until: Int64) throws
    /// Lifts every lock of the phone.
    func deleteLoginLocks(phone: String) throws

    // MARK: Retention: each removes at most `limit` rows and returns how many it removed

    func pruneSessions(expiredBy: Int64, limit: Int) throws -> Int
    func pruneCodes(issuedBy: Int64, limit: Int) throws -> Int
    func pruneOutbox(sentBy: Int64, limit: Int) throws -> Int
    func pruneLoginFailures(failedBy: Int64, limit: Int) throws -> Int
    func pruneLoginLocks(endedBy: Int64, limit: Int) throws -> Int
}
