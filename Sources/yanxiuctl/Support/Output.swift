import Foundation
import JSONRPC

/// Printing: JSON for machines, indented text for people.
enum Output {
    static func line(_ text: String) {
        write(Array((text + "\n").utf8))
    }

    static func error(_ text: String) {
        StandardStream.write(Array((text + "\n").utf8), to: STDERR_FILENO)
    }

    /// Writes bytes to standard output as they are (CSV, the manual page, metrics text).
    static func write(_ bytes: [UInt8]) {
        guard StandardStream.write(bytes, to: STDOUT_FILENO) else {
            // The reader went away (`yanxiuctl … | head -1`) while SIGPIPE is ignored, as it is
            // under systemd and some shells: end quietly with the status a SIGPIPE death gives.
            exit(StandardStream.closedPipeStatus)
        }
    }

    /// Redraws a one-line progress bar on standard error (only when it is a terminal).
    static func progress(done: Int64, total: Int64, label: String) {
        guard isatty(2) != 0, total > 0 else { return }
        let width = 30
        let filled = Int(min(done, total) * Int64(width) / total)
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        StandardStream.write(Array("\r[\(bar)] \(done)/\(total) \(label)\(done >= total ? "\n" : "")".utf8), to: STDERR_FILENO)
    }

    /// Prints a result: compact JSON with `--json`, otherwise an indented key: value outline.
    static func result(_ value: JSONValue, json: Bool) {
        if json {
            line(JSONWriter.string(value))
        } else {
            line(outline(value, indent: 0))
        }
    }

    static func outline(_ value: JSONValue, indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent)
        switch value {
        case .object(let object):
            if object.isEmpty { return pad + "{}" }
            return object.members.map { member in
                isNested(member.value)
                    ? "\(pad)\(member.key):\n" + outline(member.value, indent: indent + 1)
                    : "\(pad)\(member.key): \(scalar(member.value))"
            }.joined(separator: "\n")
        case .array(let elements):
            if elements.isEmpty { return pad + "[]" }
            return elements.map { element in
                isNested(element) ? "\(pad)-\n" + outline(element, indent: indent + 1) : "\(pad)- \(scalar(element))"
            }.joined(separator: "\n")
        default:
            return pad + scalar(value)
        }
    }

    static func isNested(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): !object.isEmpty
        case .array(let elements): !elements.isEmpty
        default: false
        }
    }

    static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): s
        case .null: "-"
        case .object(let o) where o.isEmpty: "{}"
        case .array(let a) where a.isEmpty: "[]"
        default: JSONWriter.string(value)
        }
    }
}
