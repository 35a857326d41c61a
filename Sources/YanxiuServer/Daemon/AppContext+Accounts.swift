import JSONRPC
import Yanxiu

extension AppContext {
    /// The SMS code rules of the configuration.
    var smsCodes: SMSCodeBook {
        SMSCodeBook(
            rateLimit: SMSRateLimit(resendIntervalMs: Int64(configuration.smsResendIntervalSeconds) * 1000, dailyLimit: configuration.smsDailyLimit),
            lifetimeMs: Int64(configuration.smsCodeLifetimeSeconds) * 1000,
            maxAttempts: configuration.smsMaxAttempts)
    }

    var smsProvider: SMSProvider {
        configuration.smsProvider == "command"
            ? .command(path: configuration.smsCommand, timeoutSeconds: configuration.smsCommandTimeoutSeconds)
            : .outbox
    }

    var passwordHasher: PasswordHasher { PasswordHasher(logN: configuration.passwordScryptLogN, blockSize: 8, parallelism: 1) }

    var loginGuard: LoginGuard {
        LoginGuard(lockout: LoginLockout(
            maxFailures: configuration.loginMaxFailures, windowMs: Int64(configuration.loginLockSeconds) * 1000,
            lockMs: Int64(configuration.loginLockSeconds) * 1000))
    }

    /// The account use cases with the configuration's rules.
    var accounts: AccountService {
        AccountService(
            store: store, clock: clock, hasher: passwordHasher, codes: smsCodes, loginGuard: loginGuard,
            sessionLifetimeMs: sessionLifetimeMs, logger: logger)
    }

    /// The audit actor of a call: the peer's uid and, when known, the account acting.
    func actor(_ call: RPCCall, account: AuthenticatedAccount? = nil) -> AuditActor {
        AuditActor(accountID: account?.accountID, uid: call.peer.uid)
    }

    /// Lets operator peers without a session through as themselves; a call with a session acts as
    /// that account, whoever the peer is, so its grants decide (401 without a session, 403
    /// `auth.forbidden` when they do not allow it). A back end running as an operator therefore
    /// cannot lend its privileges to the people it serves.
    func authorise(_ call: RPCCall, _ isAllowed: @escaping @Sendable (any StoreTransaction, Int64) throws -> Bool) async throws -> AuditActor {
        if call.peer.isOperator, call.params.string("session") == nil { return actor(call) }
        guard call.params.string("session") != nil else {
            throw DomainError.unauthorized("session.unknown", "A session is required (or an operator peer)")
        }
        let account = try await account(call)
        let allowed = try await store.read { tx in try isAllowed(tx, account.accountID) }
        guard allowed else { throw DomainError.forbidden("This account holds no grant for this school or county") }
        return actor(call, account: account)
    }

    /// Refuses `unmasked` to non-operators (403 `auth.operator_required`); returns whether to unmask.
    func unmasked(_ call: RPCCall) throws -> Bool {
        guard call.params.bool("unmasked") == true else { return false }
        guard call.peer.isOperator else { throw RPCError.operatorRequired() }
        return true
    }

    /// "Today" in China for ID birth-date checks.
    var today: CalendarDate { CalendarDate.inChina(atMs: clock.nowMs) }
}

/// Parsing of params shared by the account methods; failures are -32602 with `data.fields`.
enum AccountParams {
    static func phone(_ call: RPCCall, _ field: String = "phone") throws -> PhoneNumber {
        do {
            return try PhoneNumber(try call.params.require(field))
        } catch let error as PhoneNumberError {
            throw DomainError.invalid(field: field, reason: error.reason)
        }
    }

    static func code(_ call: RPCCall, _ field: String = "code") throws -> String {
        let code = try call.params.require(field)
        guard SMSCodeText.isWellFormed(code) else { throw DomainError.invalid(field: field, reason: "format") }
        return code
    }

    static func password(_ call: RPCCall, _ field: String = "password") throws -> String {
        let password = try call.params.require(field)
        if let violation = PasswordPolicy.standard.violation(of: password) { throw DomainError.invalid(field: field, reason: violation.reason) }
        return password
    }

    /// The optional `client` (who the back end says is trying a password), or the shared key of calls
    /// naming none; -32602 `empty`, `too_long` or `format` when it is not 1 to 128 printable ASCII characters.
    static func client(_ call: RPCCall, _ field: String = "client") throws -> LoginClient {
        guard let value = call.params[field] else { return .unnamed }
        guard let text = value.stringValue else { throw DomainError.invalid(field: field, reason: "type") }
        switch LoginClient.parse(text) {
        case .success(let client): return client
        case .failure(let error): throw DomainError.invalid(field: field, reason: error.reason)
        }
    }

    /// A value of a code list, or -32602 `notInList`.
    static func coded(_ call: RPCCall, _ field: String, list: CodeList) throws -> String {
        let value = try call.params.require(field)
        guard list.contains(value) else { throw DomainError.invalid(field: field, reason: "notInList") }
        return value
    }

    static func userID(_ call: RPCCall, _ field: String = "userId") throws -> Int64 { try call.params.requireInt64(field) }
}

/// Formats an instant for results.
func timestamp(_ ms: Int64) -> JSONValue { .string(Timestamp.format(ms)) }
