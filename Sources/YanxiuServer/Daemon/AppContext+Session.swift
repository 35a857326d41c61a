import JSONRPC
import Yanxiu

extension AppContext {
    var sessionLifetimeMs: Int64 { Int64(configuration.sessionLifetimeSeconds * 1000) }

    /// The account behind the call's `session` param (401 otherwise); slides its expiry when due.
    func account(_ call: RPCCall) async throws -> AuthenticatedAccount {
        let token = try call.params.require("session")
        let now = clock.nowMs
        let account = try await store.read { db in try SessionAuthenticator.authenticate(db, token: token, now: now) }
        let lifetime = sessionLifetimeMs
        if SessionAuthenticator.needsRenewal(account, now: now, lifetimeMs: lifetime) {
            // Renewal is not part of the caller's request, so it is not awaited.
            store.writer.submit({ db in try SessionAuthenticator.renew(db, account, now: now, lifetimeMs: lifetime) }, completion: { _ in })
        }
        return account
    }
}
