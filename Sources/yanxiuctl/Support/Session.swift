import ArgumentParser
import Foundation
import JSONRPC
import YanxiuClient

/// Exit statuses, following sysexits(3) where one fits.
enum Exit {
    static let rpcError: Int32 = 1
    static let usage: Int32 = 64
    static let unavailable: Int32 = 69
    static let protocolError: Int32 = 76
}

/// One connection to the daemon for one command, mapping failures to exit statuses and messages.
struct Session {
    let options: GlobalOptions
    let client: RPCClient

    init(_ options: GlobalOptions) throws {
        self.options = options
        do {
            client = try RPCClient(socketPath: options.socketPath)
        } catch {
            Output.error("yanxiuctl: \(error)")
            throw ExitCode(Exit.unavailable)
        }
    }

    /// Calls a method; on failure prints the error and exits with the matching status.
    func call(_ method: String, _ params: JSONObject = JSONObject(), onNotification: (String, JSONValue) -> Void = { _, _ in }) throws -> JSONValue {
        do {
            return try client.call(method, params, onNotification: onNotification)
        } catch let error as RPCError {
            if options.json {
                Output.line(JSONWriter.string(["error": error.json]))
            } else {
                var text = "error \(error.code): \(error.message) [\(error.reason)]"
                if let fields = error.data["fields"]?.arrayValue {
                    for field in fields {
                        text += "\n  \(field["field"]?.stringValue ?? "?"): \(field["reason"]?.stringValue ?? "?")"
                    }
                }
                if let retry = error.data["retryAfterMs"]?.int64Value { text += "\n  retry after \(retry) ms" }
                Output.error(text)
            }
            throw ExitCode(Exit.rpcError)
        } catch let error as ClientError {
            Output.error("yanxiuctl: \(error)")
            switch error {
            case .malformedReply: throw ExitCode(Exit.protocolError)
            default: throw ExitCode(Exit.unavailable)
            }
        }
    }
}
