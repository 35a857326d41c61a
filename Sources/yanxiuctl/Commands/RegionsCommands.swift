import ArgumentParser
import JSONRPC

/// `yanxiuctl regions …`
struct Regions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Administrative regions (GB/T 2260).", subcommands: [Import.self, List.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import regions from a CSV file with columns code,name[,level,parentCode].")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "CSV file.") var file: String
        func run() throws { try CSVImport(options: options, method: "region.import").run(file: file) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the regions under a parent code (the provinces without one).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Parent region code.") var parent: String?
        func run() throws {
            var params = JSONObject()
            if let parent { params["parentCode"] = .string(parent) }
            Output.result(try Session(options).call("region.list", params), json: options.json)
        }
    }
}
