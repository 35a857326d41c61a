import Locking

/// Something one daemon holds alone among the daemons on a database until it lets go
/// (`Store.holdExclusively`): a certificate issuance run, for one.
public final class StoreHold: Sendable {
    private let letGo: Locked<(@Sendable () -> Void)?>

    /// `letGo` runs once, at the first `release`.
    public init(letGo: @escaping @Sendable () -> Void) {
        self.letGo = Locked(letGo)
    }

    /// A hold with nothing to let go: the daemon owns its database alone.
    public static func alone() -> StoreHold { StoreHold {} }

    public func release() {
        let action = letGo.withLock { action -> (@Sendable () -> Void)? in
            defer { action = nil }
            return action
        }
        action?()
    }

    deinit { release() }
}
