import JSONRPC
import Yanxiu

extension AppContext {
    var sessionLifetimeMs: Int64 { Int64(configuration.sessionLifetimeSeconds * 1000) }

    /// The account behind the call's `session` param (401 otherwise); slides its expiry when due.
    func account(_ call: RPCCall) async throws -> AuthenticatedAccount {
        let token = try call.params.require("session")
        let now = clock.nowMs
        if let account = recentlyProven(token, now: now) { return account }
        return try await provenByStore(token, now: now)
    }

    /// Callback form of the same check, for the heartbeat's hot path: a session proven moments
    /// ago answers at once on the caller's thread; any other is read from the store off it.
    func account(session token: String, completion: @escaping @Sendable (Result<AuthenticatedAccount, any Error>) -> Void) {
        let now = clock.nowMs
        if let account = recentlyProven(token, now: now) { return completion(.success(account)) }
        Task {
            do {
                completion(.success(try await provenByStore(token, now: now)))
            } catch {
                completion(.failure(error))
            }
        }
    }

    /// Every method proves its session in these two steps: the session cache (which every
    /// revocation clears, see `SessionCache`), then the store, whose answer fills the cache.
    private func recentlyProven(_ token: String, now: Int64) -> AuthenticatedAccount? {
        guard let account = SessionAuthenticator.cached(token: token, now: now) else { return nil }
        SessionAuthenticator.renewIfDue(account, now: now, lifetimeMs: sessionLifetimeMs, store: store)
        return account
    }

    private func provenByStore(_ token: String, now: Int64) async throws -> AuthenticatedAccount {
        let account = try await store.readDatabase { db in try SessionAuthenticator.authenticate(db, token: token, now: now) }
        SessionAuthenticator.renewIfDue(account, now: now, lifetimeMs: sessionLifetimeMs, store: store)
        return account
    }
}
