import ArgumentParser
import JSONRPC

/// `yanxiuctl sms …`
struct SMS: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sms", abstract: "SMS codes.", subcommands: [Outbox.self])

    struct Outbox: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Messages the built-in outbox holds for a phone, newest first.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "At most this many.") var limit: Int?
        @Argument(help: "Phone number.") var phone: String
        func run() throws {
            var params: JSONObject = ["phone": .string(phone)]
            if let limit { params["limit"] = .int(limit) }
            Output.result(try Session(options).call("sms.outbox", params), json: options.json)
        }
    }
}
