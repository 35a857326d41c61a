import ArgumentParser
import Foundation
import GRDB
import JSONRPC
import Yanxiu
import YanxiuClient

/// `yanxiu-bench report`: how long `report.topic` takes on a national-sized topic.
struct ReportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Seed a scratch store with many enrolments and time report.topic in process and through the daemon.")

    @Option(help: "Enrolled teachers.") var enrollments = 1_000_000
    @Option(help: "Schools, spread over 1,984 counties.") var schools = 50_000
    @Option(help: "Lessons in the topic; each teacher completed a random number of them.") var lessons = 20
    @Option(help: "Timed runs of each grouping.") var runs = 3
    @Option(help: "Keep the scratch store in this folder (reused when it holds one) instead of a temporary one.") var keep: String?

    func run() async throws {
        let directory = keep ?? NSTemporaryDirectory() + "yanxiu-bench-report-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let path = directory + "/yanxiu.sqlite"
        if !FileManager.default.fileExists(atPath: path) {
            let started = Date()
            try ReportDataSet(enrollments: enrollments, schools: schools, lessons: lessons).write(path: path)
            print(String(format: "seeded %d enrolments in %d schools in %.1f s (%.0f MiB)", enrollments, schools,
                         Date().timeIntervalSince(started), Self.mebibytes(path)))
        }
        let store = try SQLiteStore(path: path)
        for grouping in ReportGrouping.allCases {
            var times: [Double] = []
            var rows = 0
            for _ in 0..<runs {
                let started = Date()
                let report = try await store.read { tx in
                    try TopicReport.build(tx, topicID: ReportDataSet.topicId, grouping: grouping, schools: nil)
                }
                times.append(Date().timeIntervalSince(started) * 1000)
                rows = report.rows.count
            }
            print(String(format: "in process, by %@: %d rows, best %.0f ms, runs %@", grouping.rawValue, rows, times.min() ?? 0,
                         times.map { String(format: "%.0f", $0) }.joined(separator: "/")))
        }
        try store.close()

        let daemon = try DaemonProcess(stateDirectory: directory)
        defer { daemon.stop() }
        let client = try RPCClient(socketPath: daemon.socketPath)
        for grouping in ReportGrouping.allCases {
            var times: [Double] = []
            for _ in 0..<runs {
                let started = Date()
                _ = try client.call("report.topic", ["topicId": .string(ReportDataSet.topicId), "groupBy": .string(grouping.rawValue)])
                times.append(Date().timeIntervalSince(started) * 1000)
            }
            print(String(format: "report.topic over the socket, by %@: best %.0f ms", grouping.rawValue, times.min() ?? 0))
        }
    }

    static func mebibytes(_ path: String) -> Double {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.doubleValue ?? 0
        return size / 1_048_576
    }
}
