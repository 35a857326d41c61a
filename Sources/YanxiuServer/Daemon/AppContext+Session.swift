import JSONRPC
import Yanxiu

extension AppContext {
    var sessionLifetimeMs: Int64 { Int64(configuration.sessionLifetimeSeconds * 1000) }

    /// The account behind the call's `session` param (401 otherwise); slides its expiry when due.
    func account(_ call: RPCCall) async throws -> AuthenticatedAccount {
        let token = try call.params.require("session")
        let now = clock.nowMs
        let account = try await store.readDatabase { db in try SessionAuthenticator.authenticate(db, token: token, now: now) }
        SessionAuthenticator.renewIfDue(account, now: now, lifetimeMs: sessionLifetimeMs, store: store)
        return account
    }
}
