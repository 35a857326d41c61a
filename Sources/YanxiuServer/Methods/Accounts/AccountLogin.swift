import JSONRPC
import Yanxiu

/// The handlers of registration, login and passwords: params in, one `AccountService` call, the session out.
enum AccountLogin {
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

        let opened = try await app.accounts.register(phone: phone, code: code, password: password)
        app.logger.info("account registered", metadata: ["account.id": "\(opened.userID)"])
        return AccountRendering.session(opened)
    }

    static func login(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let client = try AccountParams.client(call)
        switch (call.params.string("password"), call.params.string("code")) {
        case (nil, nil): throw DomainError.invalid([.init(field: "password", reason: "required"), .init(field: "code", reason: "required")])
        case (.some, .some): throw DomainError.invalid(field: "code", reason: "exclusive")
        case (let password?, nil):
            return AccountRendering.session(try await app.accounts.login(phone: phone, password: password, client: client, actor: app.actor(call)))
        case (nil, _?):
            return AccountRendering.session(try await app.accounts.login(phone: phone, code: try AccountParams.code(call)))
        }
    }

    static func changePassword(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let session = try await app.account(call)
        let oldPassword = try call.params.require("oldPassword")
        let newPassword = try AccountParams.password(call, "newPassword")
        let client = try AccountParams.client(call)
        return AccountRendering.session(try await app.accounts.changePassword(
            session, oldPassword: oldPassword, newPassword: newPassword, client: client, actor: app.actor(call, account: session)))
    }

    static func resetPassword(_ app: AppContext, _ call: RPCCall) async throws -> JSONValue {
        let phone = try AccountParams.phone(call)
        let code = try AccountParams.code(call)
        let newPassword = try AccountParams.password(call, "newPassword")
        return AccountRendering.session(try await app.accounts.resetPassword(phone: phone, code: code, newPassword: newPassword, peerUID: call.peer.uid))
    }
}
