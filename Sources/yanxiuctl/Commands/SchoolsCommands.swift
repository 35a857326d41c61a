import ArgumentParser
import JSONRPC

/// `yanxiuctl schools …`
struct Schools: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "The school directory and teacher verification.",
        subcommands: [Import.self, Search.self, Create.self, Pending.self, Verify.self, Remove.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Import schools from a CSV file with columns code,name,regionCode (idempotent on code).")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "CSV file.") var file: String
        func run() throws { try CSVImport(options: options, method: "school.import").run(file: file) }
    }

    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search schools by region and name fragment.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Region code (county, city or province).") var region: String?
        @Option(help: "At most this many.") var limit: Int?
        @Argument(help: "Name fragment.") var query: String?
        func run() throws {
            var params = JSONObject()
            if let region { params["regionCode"] = .string(region) }
            if let query { params["query"] = .string(query) }
            if let limit { params["limit"] = .int(limit) }
            Output.result(try Session(options).call("school.search", params), json: options.json)
        }
    }

    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a school to a county.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "County region code.") var region: String
        @Option(help: "The directory's own code of the school.") var code: String?
        @Argument(help: "School name.") var name: String
        func run() throws {
            var params: JSONObject = ["regionCode": .string(region), "name": .string(name)]
            if let code { params["code"] = .string(code) }
            Output.result(try Session(options).call("school.create", params), json: options.json)
        }
    }

    struct Pending: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Teachers of a school awaiting verification.")
        @OptionGroup var options: GlobalOptions
        @Option(help: "pending, verified or all.") var status: String = "pending"
        @Flag(help: "Show phone and ID numbers in full.") var unmasked = false
        @Argument(help: "School id.") var school: Int64
        func run() throws {
            let params: JSONObject = ["schoolId": .int64(school), "status": .string(status), "unmasked": .bool(unmasked)]
            Output.result(try Session(options).call("school.pendingTeachers", params), json: options.json)
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Verify a teacher's roles at a school.")
        @OptionGroup var options: GlobalOptions
        @Flag(help: "Verified as a mental-health education teacher.") var mentalHealth = false
        @Flag(help: "Verified as a homeroom teacher.") var homeroom = false
        @Argument(help: "School id.") var school: Int64
        @Argument(help: "The teacher's user id.") var user: Int64
        func validate() throws {
            guard mentalHealth || homeroom else { throw ValidationError("give --mental-health, --homeroom or both") }
        }
        func run() throws {
            let params: JSONObject = ["schoolId": .int64(school), "userId": .int64(user), "mentalHealthTeacher": .bool(mentalHealth), "homeroomTeacher": .bool(homeroom)]
            Output.result(try Session(options).call("school.verifyTeacher", params), json: options.json)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End a teacher's membership of a school.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "School id.") var school: Int64
        @Argument(help: "The teacher's user id.") var user: Int64
        func run() throws {
            Output.result(try Session(options).call("school.removeTeacher", ["schoolId": .int64(school), "userId": .int64(user)]), json: options.json)
        }
    }
}
