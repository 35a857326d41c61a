import ArgumentParser
import JSONRPC

/// `yanxiuctl log-level LEVEL`
struct LogLevel: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "log-level", abstract: "Change the daemon's log level while it runs.")
    @OptionGroup var options: GlobalOptions
    @Argument(help: "trace, debug, info, notice, warning, error or critical.") var level: String
    func run() throws {
        let result = try Session(options).call("system.setLogLevel", ["level": .string(level)])
        if options.json {
            Output.result(result, json: true)
        } else {
            Output.line("log level \(result["previous"]?.stringValue ?? "?") -> \(result["level"]?.stringValue ?? "?")")
        }
    }
}

/// `yanxiuctl clock set|advance`: the test clock of a daemon started with --test-clock.
struct Clock: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Move the test clock of a daemon started with --test-clock (demos and tests only).",
        subcommands: [Set.self, Advance.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set the clock to an instant.", discussion: "Example: yanxiuctl clock set 2023-03-01T00:00:00+08:00")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "RFC 3339 with offset.") var time: String
        func run() throws { Output.result(try Session(options).call("testClock.set", ["time": .string(time)]), json: options.json) }
    }

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Move the clock forward.", discussion: "Example: yanxiuctl clock advance 86400")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Seconds (fractions allowed).") var seconds: Double
        func run() throws { Output.result(try Session(options).call("testClock.advance", ["seconds": .double(seconds)]), json: options.json) }
    }
}
