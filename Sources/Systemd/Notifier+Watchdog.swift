import CSystemd

extension Notifier {
    /// The watchdog timeout the manager set (`WATCHDOG_USEC`), or nil when the watchdog is
    /// off for this process (unset, malformed, or `WATCHDOG_PID` names another process).
    public var watchdogTimeout: Duration? {
        var microseconds: UInt64 = 0
        // Never unset here: the daemon reads the interval once, but a restart of the
        // watchdog task must be able to read it again.
        guard sd_watchdog_enabled(0, &microseconds) > 0, microseconds > 0 else { return nil }
        return .microseconds(Int64(clamping: microseconds))
    }

    /// How often to send `watchdog()`: half the timeout, as sd_watchdog_enabled(3)
    /// recommends, so one late ping never kills a healthy daemon. Nil when the watchdog is off.
    public var watchdogInterval: Duration? {
        watchdogTimeout.map { $0 / 2 }
    }
}
