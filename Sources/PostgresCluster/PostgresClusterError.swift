import Foundation

/// A throwaway cluster that could not do what was asked, with what PostgreSQL said about it.
public struct PostgresClusterError: Error, CustomStringConvertible, Sendable {
    public let message: String
    /// The command's own error output, when a command failed.
    public let output: String
    /// The last lines of the server's log at the time of the failure.
    public let logTail: String

    public init(_ message: String, output: String = "", logTail: String = "") {
        self.message = message
        self.output = output
        self.logTail = logTail
    }

    public var description: String {
        var text = message
        let trimmedOutput = output.trimmingCharacters(in: .whitespacesAndNewlines)
        if !trimmedOutput.isEmpty { text += "\n" + trimmedOutput }
        if !logTail.isEmpty { text += "\nserver log (last lines):\n" + logTail }
        return text
    }
}
