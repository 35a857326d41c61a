import ArgumentParser
import Foundation
import JSONRPC

/// `yanxiuctl topics import|list|show`
struct Topics: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Training topics: import a topic document, list topics, show one.",
        subcommands: [Import.self, List.self, Show.self])

    /// `yanxiuctl topics import FILE`
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Import a topic document (JSON); importing the same file again changes nothing.",
            discussion: "Example: yanxiuctl topics import contrib/topics/mh-2023-winter.json")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "The topic document, or - for standard input.") var file: String

        func run() throws {
            let document = try TopicFile.read(file)
            let result = try Session(options).call("topic.import", ["topic": document, "progressToken": "import"]) { name, params in
                guard name == "$/progress", !options.json, let done = params["done"]?.int64Value, let total = params["total"]?.int64Value else { return }
                Output.progress(done: done, total: total, label: "lessons")
            }
            if options.json {
                Output.result(result, json: true)
                return
            }
            let id = result["topicId"]?.stringValue ?? "?"
            let lessons = result["lessonCount"]?.int64Value ?? 0
            if result["changed"] == false {
                Output.line("topic \(id) unchanged (\(lessons) lessons)")
            } else {
                let verb = result["created"] == true ? "created" : "updated"
                Output.line("topic \(id) \(verb): \(lessons) lessons, \(result["lessonsAdded"]?.int64Value ?? 0) added, \(result["lessonsRemoved"]?.int64Value ?? 0) removed")
            }
        }
    }

    /// `yanxiuctl topics list`
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List topics with their windows (China Standard Time).")
        @OptionGroup var options: GlobalOptions

        func run() throws {
            let topics = try Session(options).call("topic.list")["topics"]?.arrayValue ?? []
            if options.json {
                Output.result(.array(topics), json: true)
                return
            }
            for topic in topics {
                let window = "\(topic["window"]?["start"]?.stringValue ?? "?") – \(topic["window"]?["end"]?.stringValue ?? "?")"
                let id = topic["topicId"]?.stringValue ?? "?"
                let status = topic["status"]?.stringValue ?? "?"
                Output.line("\(id)  [\(status)]  \(window)  \(topic["lessonCount"]?.int64Value ?? 0) lessons  \(topic["title"]?.stringValue ?? "")")
            }
        }
    }

    /// `yanxiuctl topics show ID`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show a topic with its courses and lessons.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Topic id.") var topicId: String

        func run() throws {
            let session = try Session(options)
            var topic = try session.call("topic.get", ["topicId": .string(topicId)]).objectValue ?? [:]
            topic["courses"] = try session.call("course.list", ["topicId": .string(topicId)])["courses"]
            Output.result(.object(topic), json: options.json)
        }
    }
}

/// Reads a topic document from a file or standard input.
enum TopicFile {
    static func read(_ path: String) throws -> JSONValue {
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else if let contents = FileManager.default.contents(atPath: path) {
            data = contents
        } else {
            Output.error("yanxiuctl: cannot read \(path)")
            throw ExitCode(Exit.usage)
        }
        do {
            return try JSONParser.parse(Array(data))
        } catch {
            Output.error("yanxiuctl: \(path) is not JSON: \(error)")
            throw ExitCode(Exit.usage)
        }
    }
}
