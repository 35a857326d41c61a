import JSONRPC
import Yanxiu

extension AppContext {
    var sessionLifetimeMs: Int64 { Int64(configuration.sessionLifetimeSeconds * 1000) }

    /// The account behind the call's `session` param (401 otherwise); slides its expiry when due.
    func account(_ call: RPCCall) async throws -> AuthenticatedAccount {
        try await accounts.authenticate(token: try call.params.require("session"))
    }

    /// Callback form of the same check, for the heartbeat's hot path.
    func account(session token: String, completion: @escaping @Sendable (Result<AuthenticatedAccount, any Error>) -> Void) {
        accounts.authenticate(token: token, completion: completion)
    }
}
