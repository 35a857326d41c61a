import ArgumentParser
import Foundation
import YanxiuClient

/// `yanxiu-demo`: the whole programme in a minute, against a daemon started with `--test-clock`.
@main
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yanxiu-demo",
        abstract: "Watch the programme happen: registration, enrolment, verification, lessons (and cheats), certificates, the county report.",
        discussion: """
            Start the daemon first with `script/run --test-clock`; the demo moves its clock. It acts as an
            operator (reading SMS codes from the outbox, granting administrators, issuing certificates),
            so run it as root or as a configured operator. It adds new teachers on every run.
            """)

    @Option(help: "Daemon socket (default: $YANXIU_SOCKET, else ./.yanxiu/yanxiud.sock).") var socket: String?
    @Option(help: "How many teachers take part.") var teachers = 36
    @Option(help: "yanxiuctl to show the report and check the certificate with (default: the one beside this program).") var yanxiuctl: String?

    func validate() throws {
        guard teachers >= 1, teachers <= 2000 else { throw ValidationError("--teachers takes 1 to 2000") }
    }

    func run() throws {
        let path = socket ?? ProcessInfo.processInfo.environment["YANXIU_SOCKET"].flatMap { $0.isEmpty ? nil : $0 } ?? ".yanxiu/yanxiud.sock"
        let client: RPCClient
        do {
            client = try RPCClient(socketPath: path)
        } catch {
            throw DemoError("cannot reach yanxiud at \(path) (\(error)); start it with `script/run --test-clock`")
        }
        guard (try? client.call("testClock.advance", ["seconds": 0])) != nil else {
            throw DemoError("the daemon at \(path) does not run on a test clock (or this user is no operator); start it with `script/run --test-clock`")
        }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("yanxiuctl").path
        // Phones and ID numbers differ from run to run, so the demo can run again on the same daemon.
        let runNumber = Int(Date().timeIntervalSince1970) % 10_000
        var demo = DemoRun(
            client: client, socketPath: path, yanxiuctl: yanxiuctl ?? beside,
            teachers: DemoTeacher.cast(count: teachers, schools: DemoSchool.sample, run: runNumber), schools: DemoSchool.sample)
        let started = Date()
        try demo.run()
        print(String(format: "\nDone in %.0f s.", Date().timeIntervalSince(started)))
    }
}
