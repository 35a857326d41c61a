/// Where the daemon's log lines go.
public enum LogDestination: Sendable, Equatable {
    /// Structured entries straight to journald.
    case journal
    /// Plain lines on stderr.
    case stderr

    /// The journal when stderr is connected to it, so fields survive; stderr otherwise,
    /// where a terminal or a test reads plain lines.
    public static func detect() -> LogDestination {
        JournalStream.isConnected ? .journal : .stderr
    }
}
