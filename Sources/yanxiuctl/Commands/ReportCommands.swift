import ArgumentParser
import Foundation
import JSONRPC

/// `yanxiuctl report …`
struct Report: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reports on the programme.",
        subcommands: [Topic.self])

    /// `yanxiuctl report topic ID --by county [--csv FILE] [--bom]`
    struct Topic: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Enrolled teachers, verified roles, completed lessons, qualifying teachers and certificates of a topic.",
            discussion: """
                Examples:
                  yanxiuctl report topic mh-2023-winter --by county
                  yanxiuctl report topic mh-2023-winter --by school --region 110101 --csv dongcheng.csv --bom
                """)
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Topic id.") var topic: String
        @Option(help: "Group by school, county or province.") var by: String = "county"
        @Option(help: "Only schools under this county, city or province code.") var region: String?
        @Option(help: "Only this school id.") var school: Int64?
        @Option(help: "Act as the administrator of this session (operators may leave it out).") var session: String?
        @Option(help: "Write CSV to this file (- for standard output) instead of printing a table.") var csv: String?
        @Flag(help: "Start the CSV with a UTF-8 byte-order mark, for Excel on Windows.") var bom = false

        func validate() throws {
            guard ["school", "county", "province"].contains(by) else { throw ValidationError("--by takes school, county or province") }
            if bom, csv == nil { throw ValidationError("--bom applies to --csv") }
        }

        func run() throws {
            var params: JSONObject = ["topicId": .string(topic), "groupBy": .string(by)]
            if let region { params["regionCode"] = .string(region) }
            if let school { params["schoolId"] = .int64(school) }
            if let session { params["session"] = .string(session) }
            let result = try Session(options).call("report.topic", params)
            let layout = ReportLayout(grouping: by, result: result)
            if let csv {
                let bytes = layout.csv(byteOrderMark: bom).bytes
                if csv == "-" {
                    Output.write(Array(bytes))
                } else {
                    guard FileManager.default.createFile(atPath: csv, contents: Data(bytes)) else {
                        Output.error("yanxiuctl: cannot write \(csv)")
                        throw ExitCode(Exit.usage)
                    }
                    if !options.json { Output.error("wrote \(layout.rows.count) rows to \(csv)") }
                }
                return
            }
            if options.json {
                Output.result(result, json: true)
            } else {
                Output.line(layout.table().render())
            }
        }
    }
}
