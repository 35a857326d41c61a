import ArgumentParser
import JSONRPC

/// `yanxiuctl enrollments list --topic ID [--school ID]`
struct Enrollments: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Enrolments of a topic.", subcommands: [List.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the enrolments of a topic, all pages (operators see every school).",
            discussion: "Example: yanxiuctl enrollments list --topic mh-2023-winter --school 12")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Topic id.") var topic: String
        @Option(help: "Only this school.") var school: Int64?
        @Option(help: "Page size used for each call.") var pageSize = 200
        @Flag(help: "Show phone and ID numbers unmasked.") var reveal = false

        func validate() throws {
            guard (1...500).contains(pageSize) else { throw ValidationError("--page-size must be 1 to 500") }
        }

        func run() throws {
            let session = try Session(options)
            var params: JSONObject = ["topicId": .string(topic), "limit": .int(pageSize)]
            if let school { params["schoolId"] = .int64(school) }
            if reveal { params["revealNumbers"] = true }
            var all: [JSONValue] = []
            while true {
                let page = try session.call("enrollment.list", params)
                all += page["enrollments"]?.arrayValue ?? []
                guard let cursor = page["nextCursor"]?.stringValue else { break }
                params["cursor"] = .string(cursor)
            }
            if options.json {
                Output.result(.array(all), json: true)
                return
            }
            for item in all {
                let form = item["form"]
                let roles = [form?["isMentalHealthTeacher"] == true ? "心理" : nil, form?["isHomeroomTeacher"] == true ? "班主任" : nil].compactMap { $0 }
                Output.line([
                    item["enrollmentId"].map { JSONWriter.string($0) } ?? "?",
                    form?["name"]?.stringValue ?? "?",
                    form?["idNumber"]?.stringValue ?? "?",
                    item["schoolName"]?.stringValue ?? "-",
                    roles.isEmpty ? "-" : roles.joined(separator: "+"),
                    item["verification"]?["status"]?.stringValue ?? "?",
                    item["createdAt"]?.stringValue ?? "?",
                ].joined(separator: "\t"))
            }
            Output.error("\(all.count) enrolments")
        }
    }
}
