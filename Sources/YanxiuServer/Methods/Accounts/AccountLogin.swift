import GRDB
import JSONRPC
import Yanxiu

/// The handlers of registration, login and password change; scrypt always runs on the offload queue.
enum AccountLogin {
    /// Verified against when the phone has no account, so an unknown phone costs as much time as a known one.
    static let decoyHash: String = (try? PasswordHasher.standard.hash("decoy-password-1")) ?? ""

    static func sessionJSON(_ opened: (userID: Int64, token: String, expiresAt: Int64)) -> JSONValue {
        ["session": .string(opened.token), "userId": .int64(opened.userID), "expiresAt": timestamp(opened.expiresAt)]
    }

    static func register(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        var problems: [RPCError.FieldProblem] = []
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
        let opened = try await app.store.writeKeeping { db -> Result<(userID: Int64, token: String, expiresAt: Int64), DomainError> in
            switch try Registration.create(db, phone: phone.digits, code: code, passwordHash: hash, codes: book, now: now) {
            case .failure(let refusal): return .failure(refusal)
            case .success(let id):
                let session = try SessionAuthenticator.open(db, accountID: id, now: now, lifetimeMs: lifetime)
                return .success((id, session.token, session.expiresAt))
            }
        }
        app.logger.info("account registered", metadata: ["account.id": "\(opened.userID)"])
        return sessionJSON(opened)
    }

    static func login(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        switch (call.params.string("password"), call.params.string("code")) {
        case (nil, nil): throw DomainError.invalid([.init(field: "password", reason: "required"), .init(field: "code", reason: "required")])
        case (.some, .some): throw DomainError.invalid(field: "code", reason: "exclusive")
        case (let password?, nil): return try await withPassword(app, call, phone: phone, password: password)
        case (nil, _?): return try await withCode(app, phone: phone, code: try AccountParams.code(call))
        }
    }

    static func withCode(_ app: AppContext, phone: PhoneNumber, code: String) async throws -> JSONValue {
        let now = app.clock.nowMs
        let book = app.smsCodes
        let lifetime = app.sessionLifetimeMs
        return sessionJSON(try await app.store.writeKeeping { db in
            if let rejection = try book.consume(db, phone: phone.digits, purpose: .login, code: code, now: now) {
                return .failure(SMSCodeBook.error(rejection))
            }
            guard let account = try AccountRecord.fetch(db, phone: phone.digits) else {
                return .failure(.notFound("account.unknown", "No account has this phone number; register first"))
            }
            let session = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return .success((account.id, session.token, session.expiresAt))
        })
    }

    static func withPassword(_ app: AppContext, _ call: RPCCall, phone: PhoneNumber, password: String) async throws -> JSONValue {
        let account = try await app.store.read { db in try AccountRecord.fetch(db, phone: phone.digits) }
        let loginGuard = app.loginGuard
        if let account, let locked = loginGuard.lockError(account, now: app.clock.nowMs) { throw locked }
        let stored = account?.passwordHash ?? decoyHash
        let matches = try await Offload.run { try PasswordHasher.verify(password, against: stored) } && account != nil
        let actor = app.actor(call)
        let lifetime = app.sessionLifetimeMs
        guard matches, let account else {
            let now = app.clock.nowMs
            return try await app.store.writeKeeping { db in
                let current = try AccountRecord.fetch(db, phone: phone.digits)
                if let current, let locked = loginGuard.lockError(current, now: now) { return .failure(locked) }
                return .failure(try loginGuard.recordFailure(db, phone: phone.digits, account: current, actor: actor, now: now))
            }
        }
        // Hashes made with weaker parameters are replaced while the password is at hand.
        let hasher = app.passwordHasher
        let upgraded = hasher.isStronger(than: account.passwordHash) ? try await Offload.run { try hasher.hash(password) } : nil
        let now = app.clock.nowMs
        return sessionJSON(try await app.store.writeKeeping { db in
            if let current = try AccountRecord.fetch(db, id: account.id), let locked = loginGuard.lockError(current, now: now) {
                return .failure(locked)
            }
            try loginGuard.recordSuccess(db, phone: phone.digits)
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
        let account = try await app.store.read { db in try AccountRecord.require(db, id: session.accountID) }
        let loginGuard = app.loginGuard
        if let locked = loginGuard.lockError(account, now: app.clock.nowMs) { throw locked }
        let matches = try await Offload.run { try PasswordHasher.verify(oldPassword, against: account.passwordHash) }
        let actor = app.actor(call, account: session)
        guard matches else {
            let now = app.clock.nowMs
            // A wrong old password is a guess like any other: it counts towards the lock.
            return try await app.store.writeKeeping { db in
                .failure(try loginGuard.recordFailure(db, phone: account.phone, account: account, actor: actor, now: now))
            }
        }
        let hasher = app.passwordHasher
        let hash = try await Offload.run { try hasher.hash(newPassword) }
        let now = app.clock.nowMs
        let lifetime = app.sessionLifetimeMs
        return sessionJSON(try await app.store.write { db in
            try db.execute(sql: "UPDATE account SET password_hash = ?, updated_at = ? WHERE id = ?", arguments: [hash, now, account.id])
            try SessionAuthenticator.revokeAll(db, accountID: account.id)
            try loginGuard.recordSuccess(db, phone: account.phone)
            try AuditLog.record(db, at: now, actor: actor, action: "account.passwordChanged", target: AccountRecord.target(account.id))
            let opened = try SessionAuthenticator.open(db, accountID: account.id, now: now, lifetimeMs: lifetime)
            return (account.id, opened.token, opened.expiresAt)
        })
    }
}
