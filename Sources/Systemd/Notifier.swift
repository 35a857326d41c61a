import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// Tells the service manager about the daemon's state through `sd_notify(3)`.
///
/// Every call is harmless when `NOTIFY_SOCKET` is unset (a daemon started by hand or by
/// tests): it answers `.notConfigured` and does nothing. Nothing here throws, because a
/// daemon must never stop serving because a status line could not be delivered; callers
/// that care look at the returned `Outcome`.
public struct Notifier: Sendable {
    /// What became of one notification.
    public enum Outcome: Sendable, Equatable {
        case sent
        /// `NOTIFY_SOCKET` is unset: not running under a service manager that listens.
        case notConfigured
        /// The socket was set but sending failed (errno).
        case failed(errno: Int32)
    }

    /// Whether each call removes `NOTIFY_SOCKET` afterwards. Off by default: a daemon keeps
    /// sending (status, watchdog) for its whole life.
    public let unsetEnvironment: Bool

    public init(unsetEnvironment: Bool = false) {
        self.unsetEnvironment = unsetEnvironment
    }

    /// Whether a service manager is listening (`NOTIFY_SOCKET` is set).
    public static var isConfigured: Bool {
        getenv("NOTIFY_SOCKET") != nil
    }

    /// Sends raw newline-separated assignments, e.g. `"READY=1\nSTATUS=serving"`.
    @discardableResult
    public func send(_ state: String) -> Outcome {
        let result = sd_notify(unsetEnvironment ? 1 : 0, state)
        if result > 0 { return .sent }
        if result == 0 { return .notConfigured }
        return .failed(errno: -result)
    }

    /// `READY=1`: start-up finished; with a status, in the same datagram so the two never
    /// disagree.
    @discardableResult
    public func ready(status: String? = nil) -> Outcome {
        send(Self.join("READY=1", status: status))
    }

    /// `STATUS=…`: one line for `systemctl status`.
    @discardableResult
    public func status(_ text: String) -> Outcome {
        send("STATUS=" + Self.singleLine(text))
    }

    /// `STOPPING=1`: shutdown began, so the manager does not mistake the silence for a hang.
    @discardableResult
    public func stopping(status: String? = nil) -> Outcome {
        send(Self.join("STOPPING=1", status: status))
    }

    /// `RELOADING=1` with `MONOTONIC_USEC`, which systemd 253+ requires for
    /// `Type=notify-reload` and older versions ignore. Follow with `ready()` when done.
    @discardableResult
    public func reloading() -> Outcome {
        send("RELOADING=1\nMONOTONIC_USEC=\(Self.monotonicMicroseconds())")
    }

    /// `WATCHDOG=1`: keep-alive ping; send every `watchdogInterval`.
    @discardableResult
    public func watchdog() -> Outcome {
        send("WATCHDOG=1")
    }

    /// `MAINPID=…`: the process the manager should watch, when that is not this one.
    @discardableResult
    public func mainPID(_ pid: pid_t) -> Outcome {
        send("MAINPID=\(pid)")
    }

    /// `EXTEND_TIMEOUT_USEC=…`: asks for more time to start or stop (long migrations,
    /// WAL checkpoints), measured from now.
    @discardableResult
    public func extendTimeout(by duration: Duration) -> Outcome {
        let (seconds, attoseconds) = duration.components
        let microseconds = max(0, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        return send("EXTEND_TIMEOUT_USEC=\(microseconds)")
    }

    /// A newline inside a value would start a new assignment (`STATUS=x\nREADY=1`), so
    /// free text is folded onto one line.
    static func singleLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    private static func join(_ assignment: String, status: String?) -> String {
        guard let status else { return assignment }
        return assignment + "\nSTATUS=" + singleLine(status)
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
