import Foundation

extension Output {
    /// Redraws a one-line progress bar on standard error, only when it is a terminal.
    static func progress(done: Int64, total: Int64, label: String) {
        guard isatty(2) != 0, total > 0 else { return }
        let width = 30
        let filled = Int(min(done, total) * Int64(width) / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total) \(label)\(done >= total ? "\n" : "")".utf8))
    }
}
