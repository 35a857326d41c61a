import Foundation

/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// so that logs and pipes stay free of carriage returns.
struct ProgressBar {
    let label: String
    let enabled = isatty(2) != 0
    private(set) var drawn = false

    init(label: String) { self.label = label }

    mutating func update(done: Int64, total: Int64) {
        guard enabled else { return }
        let width = 32
        let filled = total > 0 ? Int(min(done, total) * Int64(width) / total) : width
        let percent = total > 0 ? min(done, total) * 100 / total : 100
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        StandardStream.write(Array("\r\(label) \(bar) \(percent)% \(done)/\(total)".utf8), to: STDERR_FILENO)
        drawn = true
    }

    /// Ends the bar's line, if one was drawn.
    mutating func finish() {
        guard drawn else { return }
        StandardStream.write(Array("\n".utf8), to: STDERR_FILENO)
        drawn = false
    }
}
