import Logging

/// The account use cases (registration, login, passwords, SMS codes, phone change, profile),
/// each one transaction on the store; scrypt and the SMS gateway run on the offload queue.
public struct AccountService: Sendable {
    public let store: any Store
    public let clock: any DaemonClock
    public let hasher: PasswordHasher
    public let codes: SMSCodeBook
    public let loginGuard: LoginGuard
    public let sessionLifetimeMs: Int64
    public let logger: Logger

    public init(store: any Store, clock: any DaemonClock, hasher: PasswordHasher, codes: SMSCodeBook, loginGuard: LoginGuard,
                sessionLifetimeMs: Int64, logger: Logger) {
        self.store = store
        self.clock = clock
        self.hasher = hasher
        self.codes = codes
        self.loginGuard = loginGuard
        self.sessionLifetimeMs = sessionLifetimeMs
        self.logger = logger
    }

    /// Uses up the phone's code for `purpose`, lifts every lock of the number and returns its account
    /// (404 `account.unknown` when it has none): the code proves the phone before anything about an
    /// account on it is said, and a proven phone is no longer locked by anyone's guesses.
    static func proveByCode(
        _ tx: any StoreTransaction, phone: PhoneNumber, purpose: SMSPurpose, code: String, codes: SMSCodeBook, loginGuard: LoginGuard, now: Int64
    ) throws -> Result<AccountRecord, DomainError> {
        if let rejection = try codes.consume(tx, phone: phone.digits, purpose: purpose, code: code, now: now) {
            return .failure(SMSCodeBook.error(rejection))
        }
        try loginGuard.clear(tx, phone: phone.digits)
        guard let account = try tx.accounts.account(phone: phone.digits) else {
            return .failure(.notFound("account.unknown", "No account has this phone number; register first"))
        }
        return .success(account)
    }
}
