import ArgumentParser
import Foundation
import JSONRPC

/// `yanxiuctl ping`
struct Ping: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Check that the daemon answers.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let start = Date()
        let result = try Session(options).call("system.ping")
        if options.json {
            Output.result(result, json: true)
        } else {
            Output.line(String(format: "pong from %@ in %.1f ms", options.socketPath, Date().timeIntervalSince(start) * 1000))
        }
    }
}

/// `yanxiuctl info`
struct Info: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Version, uptime, schema version and server time.")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        Output.result(try Session(options).call("system.info"), json: options.json)
    }
}

/// `yanxiuctl methods`
struct Methods: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the daemon's methods (from rpc.discover).")
    @OptionGroup var options: GlobalOptions

    func run() throws {
        let document = try Session(options).call("rpc.discover")
        let methods = document["methods"]?.arrayValue ?? []
        if options.json {
            Output.result(.array(methods.map { ["name": $0["name"] ?? .null, "summary": $0["summary"] ?? .null, "access": $0["x-access"] ?? .null] }), json: true)
            return
        }
        let width = methods.compactMap { $0["name"]?.stringValue?.count }.max() ?? 0
        for method in methods {
            let name = method["name"]?.stringValue ?? ""
            let access = method["x-access"]?.stringValue ?? ""
            Output.line(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + "[\(access)] " + (method["summary"]?.stringValue ?? ""))
        }
    }
}

/// `yanxiuctl call METHOD [PARAMS-JSON]`
struct Call: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Call any method.",
        discussion: "PARAMS-JSON is an object; without it, params are read from standard input when it is not a terminal.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "Method name, e.g. system.info.") var method: String
    @Argument(help: "Params as a JSON object.") var params: String?

    func run() throws {
        var text = params
        if text == nil, isatty(0) == 0 {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        }
        var object = JSONObject()
        if let text, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            guard let parsed = try? JSONParser.parse(text), let value = parsed.objectValue else {
                Output.error("yanxiuctl: params must be a JSON object")
                throw ExitCode(Exit.usage)
            }
            object = value
        }
        let result = try Session(options).call(method, object) { name, params in
            if name == "$/progress" { Output.error("progress: \(JSONWriter.string(params))") }
        }
        Output.result(result, json: true)
    }
}
