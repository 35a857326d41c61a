import GRDB
import JSONRPC
import Yanxiu

/// The handlers of registration, login and password change; scrypt always runs on the offload queue.
enum AccountLogin {
    static func sessionJSON(_ opened: (userID: Int64, token: String, expiresAt: Int64)) -> JSONValue {
        ["session": .string(opened.token), "userId": .int64(opened.userID), "expiresAt": timestamp(opened.expiresAt)]
    }

    static func register(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        var problems: [FieldProblem] = []
        var phone: PhoneNumber?
        do { phone = try PhoneNumber(try call.params.require("phone")) } catch let error as PhoneNumberError {
            problems.append(.init(field: "phone", reason: error.reason))
        }
        let code = try call.params.require("code")
        if !SMSCodeText.isWellFormed(code) { problems.append(.init(field: "code", reason: "format")) }
        let password = try call.params.require("password")
        if let violation = PasswordPolicy.standard.violation(of: password) { problems.append(.init(field: "password", reason: violation.reason)) }
        if call.params.bool("agreeTerms") != true { problems.append(.init(field: "agreeTerms", reason: "mustAccept")) }
        guard problems.isEmpty, let phone else { throw DomainError.invalid(problems) }

        let hasher = app.passwordHasher
        let hash = try await Offload.run { try hasher.hash(password) }
        let now = app.clock.nowMs
        let book = app.smsCodes
        let lifetime = app.sessionLifetimeMs
        let loginGuard = app.loginGuard
        let opened = try await app.store.writeDatabaseKeeping { db -> Result<(userID: Int64, token: String, expiresAt: Int64), DomainError> in
            switch try Registration.create(db, phone: phone.digits, code: code, passwordHash: hash, codes: book, now: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let id):
                // Failures counted against the number before it was registered are not its owner's.
                try loginGuard.clear(db, phone: phone.digits)
                let session = try SessionAuthenticator.open(db, accountID: id, now: now, lifetimeMs: lifetime)
                return .success((id, session.token, session.expiresAt))
            }
        }
        app.logger.info("account registered", metadata: ["account.id": "\(opened.userID)"])
        return sessionJSON(opened)
    }

    static func login(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let client = try AccountParams.client(call)
        switch (call.params.string("password"), call.params.string("code")) {
        case (nil, nil): throw DomainError.invalid([.init(field: "password", reason: "required"), .init(field: "code", reason: "required")])
        case (.some, .some): throw DomainError.invalid(field: "code", reason: "exclusive")
        case (let password?, nil): return try await withPassword(app, call, phone: phone, client: client, password: password)
        case (nil, _?): return try await withCode(app, phone: phone, code: try AccountParams.code(call))
        }
    }

    /// A code proves the phone: it opens a session even while password login is locked, and lifts every lock of the number.
    static func withCode(_ app: AppContext, phone: PhoneNumber, code: String) async throws -> JSONValue {
        let now = app.clock.nowMs
        let book = app.smsCodes
        let lifetime = app.sessionLifetimeMs
        let loginGuard = app.loginGuard
        return sessionJSON(try await app.store.writeDatabaseKeeping { db in
            if let rejection = try book.consume(db, phone: phone.digits, purpose: .login, code: code, now: now) {
                return .failure(SMSCodeBook.error(rejection))
            }
            try loginGuard.clear(db, phone: phone.digits)
            guard let account = try AccountRecord.fetch(db, phone: phone.digits) else {
                return .failure(.notFound("account.unknown", "No account has this phone number; register first"))
            }
            let session = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return .success((account.id, session.token, session.expiresAt))
        })
    }

    /// Registered and unknown phones take the same steps (a read, one scrypt verification against
    /// the account's hash or a decoy of the configured strength, a write) and get the same refusals.
    /// Failures and locks are the client's own: another client's lock on the number does not hold this one.
    static func withPassword(_ app: AppContext, _ call: RPCCall, phone: PhoneNumber, client: LoginClient, password: String) async throws -> JSONValue {
        let loginGuard = app.loginGuard
        let readAt = app.clock.nowMs
        let (account, locked) = try await app.store.readDatabase { db in
            (try AccountRecord.fetch(db, phone: phone.digits), try loginGuard.lockError(db, phone: phone.digits, client: client, now: readAt))
        }
        if let locked { throw locked }
        let hasher = app.passwordHasher
        let stored = account?.passwordHash ?? hasher.decoy()
        let matches = try await Offload.run { try PasswordHasher.verify(password, against: stored) } && account != nil
        let actor = app.actor(call)
        let lifetime = app.sessionLifetimeMs
        guard matches, let account else {
            let now = app.clock.nowMs
            return try await app.store.writeDatabaseKeeping { db in
                if let locked = try loginGuard.lockError(db, phone: phone.digits, client: client, now: now) { return .failure(locked) }
                let current = try AccountRecord.fetch(db, phone: phone.digits)
                return .failure(try loginGuard.recordFailure(db, phone: phone.digits, client: client, account: current, actor: actor, now: now))
            }
        }
        // Hashes made with weaker parameters are replaced while the password is at hand.
        let upgraded = hasher.isStronger(than: account.passwordHash) ? try await Offload.run { try hasher.hash(password) } : nil
        let now = app.clock.nowMs
        return sessionJSON(try await app.store.writeDatabaseKeeping { db in
            if let locked = try loginGuard.lockError(db, phone: phone.digits, client: client, now: now) { return .failure(locked) }
            try loginGuard.forgetFailures(db, phone: phone.digits, client: client)
            if let upgraded {
                try db.execute(sql: "UPDATE account SET password_hash = ? WHERE id = ?", arguments: [upgraded, account.id])
            }
            let session = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return .success((account.id, session.token, session.expiresAt))
        })
    }

    static func changePassword(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let session = try await app.account(call)
        let oldPassword = try call.params.require("oldPassword")
        let newPassword = try AccountParams.password(call, "newPassword")
        let client = try AccountParams.client(call)
        let account = try await app.store.readDatabase { db in try AccountRecord.require(db, id: session.accountID) }
        let loginGuard = app.loginGuard
        // The session proved the account, so a lock others caused on its phone does not stand in the
        // way; the old password is still asked for, so a borrowed session cannot take the account over.
        let matches = try await Offload.run { try PasswordHasher.verify(oldPassword, against: account.passwordHash) }
        let actor = app.actor(call, account: session)
        guard matches else {
            let now = app.clock.nowMs
            // A wrong old password is a guess like any other: it counts towards the client's lock, and
            // the guess that locks also ends the session it came through.
            return try await app.store.writeDatabaseKeeping { db in
                let refusal = try loginGuard.recordFailure(db, phone: account.phone, client: client, account: account, actor: actor, now: now)
                if refusal.reason == "account.locked" { try SessionAuthenticator.revoke(db, tokenHash: session.tokenHash) }
                return .failure(refusal)
            }
        }
        let hasher = app.passwordHasher
        let hash = try await Offload.run { try hasher.hash(newPassword) }
        let now = app.clock.nowMs
        let lifetime = app.sessionLifetimeMs
        return sessionJSON(try await app.store.writeDatabase { db in
            try db.execute(sql: "UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?", arguments: [hash, now, account.id])
            try SessionAuthenticator.revokeAll(db, accountID: account.id)
            try loginGuard.clear(db, phone: account.phone)
            try AuditLog.record(db, at: now, actor: actor, action: "account.passwordChanged", target: AccountRecord.target(account.id))
            let opened = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return (account.id, opened.token, opened.expiresAt)
        })
    }

    /// A forgotten password: the code proves the phone before anything about an account on it is said.
    static func resetPassword(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let code = try AccountParams.code(call)
        let newPassword = try AccountParams.password(call, "newPassword")
        let hasher = app.passwordHasher
        let hash = try await Offload.run { try hasher.hash(newPassword) }
        let now = app.clock.nowMs
        let book = app.smsCodes
        let loginGuard = app.loginGuard
        let lifetime = app.sessionLifetimeMs
        let uid = call.peer.uid
        return sessionJSON(try await app.store.writeDatabaseKeeping { db in
            if let rejection = try book.consume(db, phone: phone.digits, purpose: .resetPassword, code: code, now: now) {
                return .failure(SMSCodeBook.error(rejection))
            }
            try loginGuard.clear(db, phone: phone.digits)
            guard let account = try AccountRecord.fetch(db, phone: phone.digits) else {
                return .failure(.notFound("account.unknown", "No account has this phone number; register first"))
            }
            try db.execute(sql: "UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?", arguments: [hash, now, account.id])
            try SessionAuthenticator.revokeAll(db, accountID: account.id)
            try AuditLog.record(db, at: now, actor: AuditActor(accountID: account.id, uid: uid), action: "account.passwordReset",
                                target: AccountRecord.target(account.id), detail: ["phone": .string(Masking.phoneNumber(account.phone))])
            let session = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return .success((account.id, session.token, session.expiresAt))
        })
    }
}
