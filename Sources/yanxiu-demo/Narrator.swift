import Foundation

/// Prints the demo's story: numbered steps, indented details, a status line that redraws on a terminal.
struct Narrator {
    private(set) var step = 0
    let interactive = isatty(1) != 0

    mutating func section(_ title: String) {
        step += 1
        print("\n\(step). \(title)")
    }

    func detail(_ text: String) {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) { print("   \(line)") }
    }

    /// A line that is replaced by the next one on a terminal, and printed only now and then otherwise.
    func status(_ text: String, final: Bool = false) {
        if interactive {
            FileHandle.standardOutput.write(Data("\r   \(text)\u{1B}[K\(final ? "\n" : "")".utf8))
        } else if final {
            print("   \(text)")
        }
    }
}
