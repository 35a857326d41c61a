import ArgumentParser
import JSONRPC

/// `yanxiuctl progress …`: an operator's view of a teacher's progress, for support and disputes.
struct Progress: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "A teacher's hours and lesson statuses, and the heartbeats behind them.",
        subcommands: [Inspect.self, Heartbeats.self])

    /// `yanxiuctl progress show --user U --topic T`
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Study time, learned and recognised hours and each lesson's status, as the teacher sees them.",
            discussion: "Example: yanxiuctl progress show --user 57 --topic mh-2023-winter",
            aliases: ["inspect"])
        @OptionGroup var options: GlobalOptions
        @Option(help: "The teacher's user id.") var user: Int64
        @Option(help: "Topic id.") var topic: String
        func run() throws {
            let summary = try Session(options).call("progress.inspect", ["userId": .int64(user), "topicId": .string(topic)])
            if options.json {
                Output.result(summary, json: true)
                return
            }
            Output.line(String(
                format: "study %d min, learned %.0f h, recognised %.0f h, %@", (summary["studySeconds"]?.int64Value ?? 0) / 60,
                summary["learnedHours"]?.doubleValue ?? 0, summary["recognisedHours"]?.doubleValue ?? 0,
                summary["qualifies"] == true ? "qualifies" : (summary["missing"]?["explanation"]?.stringValue ?? "does not qualify")))
            var table = TextTable([
                .init(title: "lesson", alignment: .left), .init(title: "title", alignment: .left), .init(title: "status", alignment: .left),
                .init(title: "study s", alignment: .right), .init(title: "why", alignment: .left),
            ])
            table.rows = (summary["lessons"]?.arrayValue ?? []).map { lesson in
                [
                    lesson["lessonId"]?.stringValue ?? "", lesson["title"]?.stringValue ?? "", lesson["status"]?.stringValue ?? "",
                    String(lesson["studySeconds"]?.int64Value ?? 0), lesson["explanation"]?.stringValue ?? "",
                ]
            }
            Output.line(table.render())
        }
    }

    /// `yanxiuctl heartbeats --user U --lesson L` (also under `progress`)
    struct Heartbeats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The recorded heartbeats of a teacher in a lesson, with the daemon's verdict on each.",
            discussion: "Example: yanxiuctl heartbeats --user 57 --lesson c01-l01 --limit 50")
        @OptionGroup var options: GlobalOptions
        @Option(help: "The teacher's user id.") var user: Int64
        @Option(help: "Lesson id.") var lesson: String
        @Option(help: "At most this many, the newest.") var limit: Int?
        func run() throws {
            var params: JSONObject = ["userId": .int64(user), "lessonId": .string(lesson)]
            if let limit { params["limit"] = .int(limit) }
            let result = try Session(options).call("progress.heartbeats", params)
            if options.json {
                Output.result(result, json: true)
                return
            }
            var table = TextTable([
                .init(title: "at", alignment: .left), .init(title: "playback", alignment: .left), .init(title: "seq", alignment: .right),
                .init(title: "position s", alignment: .right), .init(title: "state", alignment: .left), .init(title: "verdict", alignment: .left),
                .init(title: "credited s", alignment: .right),
            ])
            table.rows = (result["heartbeats"]?.arrayValue ?? []).map { beat in
                [
                    beat["at"]?.stringValue ?? "", beat["playbackId"]?.stringValue ?? "", String(beat["seq"]?.int64Value ?? 0),
                    String(format: "%.1f", Double(beat["positionMs"]?.int64Value ?? 0) / 1000), beat["state"]?.stringValue ?? "",
                    beat["verdict"]?.stringValue ?? "", String(format: "%.1f", Double(beat["creditedMs"]?.int64Value ?? 0) / 1000),
                ]
            }
            Output.line(table.render())
        }
    }
}
