import ArgumentParser
import Dispatch
import Foundation
import GRDB
import Yanxiu

/// Seeds a scratch store with qualifying teachers and times `certificate.issue` over them.
@main
struct BenchCertificates: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yanxiu-bench-certs",
        abstract: "Measure certificate issuance: sign and store one certificate per qualifying teacher.",
        discussion: "Build with -c release for a meaningful figure: swift run -c release yanxiu-bench-certs")

    @Option(help: "Qualifying teachers to seed.") var teachers = 100_000
    @Option(help: "Completed lessons per teacher (10 qualifies a verified homeroom teacher).") var lessons = 10
    @Option(help: "Folder for the scratch database (default: a new temporary folder, removed afterwards).") var directory: String?

    func validate() throws {
        guard teachers > 0 else { throw ValidationError("--teachers must be positive") }
        guard (10...20).contains(lessons) else { throw ValidationError("--lessons must be 10 to 20") }
    }

    func run() async throws {
        let folder = directory ?? NSTemporaryDirectory() + "yanxiu-bench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { if directory == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let store = try SQLiteStore(path: folder + "/bench.sqlite")

        var started = DispatchTime.now()
        try BenchSeed(teachers: teachers, lessons: lessons).write(into: store)
        print("seeded \(teachers) qualifying teachers (\(teachers * lessons) completed lessons) in \(seconds(since: started)) s")

        let keyring = try await store.write { tx in
            try IssuerKeyring.register(tx.certificates, key: .generate(), issuerName: IssuerKeyring.defaultIssuerName, now: 0)
        }
        let clock = TestClock(startMs: BenchSeed.windowEnd + 1)
        let issuance = CertificateIssuance(store: store, keyring: keyring, clock: clock)
        started = DispatchTime.now()
        let report = try await issuance.run(topicId: BenchSeed.topicId)
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let stored = try await store.readDatabase { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM certificate")! }
        print("issued \(report.issued) certificates (\(stored) stored) in \(String(format: "%.2f", elapsed)) s: "
              + "\(Int(Double(report.issued) / elapsed)) certificates/s on \(ProcessInfo.processInfo.activeProcessorCount) processors")
        let rerun = try await issuance.run(topicId: BenchSeed.topicId)
        print("re-run: issued \(rerun.issued), already held \(rerun.alreadyHeld) in \(rerun.elapsedMs) ms")
        try store.close()
    }

    private func seconds(since start: DispatchTime) -> String {
        String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9)
    }
}
