import JSONRPC
import Yanxiu

/// Registration, login, logout, password change and reset.
struct AccountMethods {
    let app: AppContext

    /// Who is trying the password, as the back end that faces people names them.
    static let clientParam = ParamSpec.string(
        "client", required: false,
        "the end user's address or another stable identifier the back end holds for the person (1 to 128 printable ASCII characters); wrong passwords are counted and locked per phone and client, calls without it share one lock per phone",
        maxLength: LoginClient.maxLength)

    func descriptors() -> [MethodDescriptor] {
        let clientParam = Self.clientParam
        let app = self.app
        return [
            MethodDescriptor(
                "account.register", "Creates an account from a phone, its register code and a password; opens a session.", access: .anyone,
                params: [
                    .string("phone", "mainland mobile number", maxLength: 32), .string("code", "the six-digit register code", maxLength: 16),
                    .string("password", "8 to 64 characters with letters and digits", maxLength: 1024),
                    .boolean("agreeTerms", "must be true: the user agreement and privacy policy are accepted"),
                ],
                result: "{session, userId, expiresAt}",
                errors: ["params.invalid", "sms.code_invalid", "account.exists"]
            ) { call in try await AccountLogin.register(app, call) },
            MethodDescriptor(
                "account.login", "Opens a session with the phone and either its password or a login code.", access: .anyone,
                params: [
                    .string("phone", "mainland mobile number", maxLength: 32),
                    .string("password", required: false, "the password (or give code)", maxLength: 1024),
                    .string("code", required: false, "a login code (or give password)", maxLength: 16),
                    clientParam,
                ],
                result: "{session, userId, expiresAt}",
                errors: ["params.invalid", "account.credentials_invalid", "account.locked", "account.unknown", "sms.code_invalid"]
            ) { call in try await AccountLogin.login(app, call) },
            MethodDescriptor(
                "account.logout", "Ends this session.", access: .user,
                params: [.string("session", "session token")], result: "{loggedOut}", errors: ["session.unknown", "session.expired"]
            ) { call in
                try await app.accounts.logout(try await app.account(call))
                return ["loggedOut": true]
            },
            MethodDescriptor(
                "account.changePassword", "Replaces the password; every session ends and a new one is returned.", access: .user,
                params: [
                    .string("session", "session token"), .string("oldPassword", "the current password", maxLength: 1024),
                    .string("newPassword", "8 to 64 characters with letters and digits", maxLength: 1024), clientParam,
                ],
                result: "{session, userId, expiresAt}",
                errors: ["params.invalid", "session.unknown", "session.expired", "account.credentials_invalid", "account.locked"]
            ) { call in try await AccountLogin.changePassword(app, call) },
            MethodDescriptor(
                "account.resetPassword",
                "Sets a new password for a forgotten one with a resetPassword code sent to the phone; every session ends, the password lock is lifted, and a new session is returned.",
                access: .anyone,
                params: [
                    .string("phone", "mainland mobile number", maxLength: 32), .string("code", "the six-digit resetPassword code", maxLength: 16),
                    .string("newPassword", "8 to 64 characters with letters and digits", maxLength: 1024),
                ],
                result: "{session, userId, expiresAt}",
                errors: ["params.invalid", "sms.code_invalid", "account.unknown"]
            ) { call in try await AccountLogin.resetPassword(app, call) },
        ]
    }
}
