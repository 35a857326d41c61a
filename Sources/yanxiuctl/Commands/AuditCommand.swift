import ArgumentParser
import JSONRPC

/// `yanxiuctl audit`
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Audit entries, newest first.")
    @OptionGroup var options: GlobalOptions
    @Option(help: "Only this action, e.g. admin.grant.") var action: String?
    @Option(help: "Only this target, e.g. account:42.") var target: String?
    @Option(help: "Only actions of this user id.") var actor: Int64?
    @Option(help: "From this instant (RFC 3339).") var since: String?
    @Option(help: "Before this instant (RFC 3339).") var until: String?
    @Option(help: "At most this many.") var limit: Int?
    func run() throws {
        var params = JSONObject()
        if let action { params["action"] = .string(action) }
        if let target { params["target"] = .string(target) }
        if let actor { params["actorAccount"] = .int64(actor) }
        if let since { params["since"] = .string(since) }
        if let until { params["until"] = .string(until) }
        if let limit { params["limit"] = .int(limit) }
        Output.result(try Session(options).call("audit.list", params), json: options.json)
    }
}
