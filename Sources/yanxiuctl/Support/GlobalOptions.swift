import ArgumentParser
import Foundation

/// Flags every subcommand takes.
struct GlobalOptions: ParsableArguments {
    @Option(help: "Daemon socket (default: $YANXIU_SOCKET, else ./.yanxiu/yanxiud.sock, else /run/yanxiu/yanxiud.sock).")
    var socket: String?

    @Flag(help: "Print machine-readable JSON.")
    var json = false

    var socketPath: String {
        if let socket { return socket }
        if let env = ProcessInfo.processInfo.environment["YANXIU_SOCKET"], !env.isEmpty { return env }
        let local = ".yanxiu/yanxiud.sock"
        if FileManager.default.fileExists(atPath: local) { return local }
        return "/run/yanxiu/yanxiud.sock"
    }
}

extension GlobalOptions {
    /// Moves `--socket PATH`, `--socket=PATH` and `--json` written before the subcommand to the end,
    /// where the subcommand's own option group parses them.
    static func movingLeadingGlobals(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--json" || argument.hasPrefix("--socket=") {
                leading.append(argument)
                index += 1
            } else if argument == "--socket", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        return Array(arguments[index...]) + leading
    }
}
