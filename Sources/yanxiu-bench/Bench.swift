import ArgumentParser

/// Benchmarks of yanxiud, run in a release build: `swift build -c release && .build/release/yanxiu-bench …`.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "yanxiu-bench",
        abstract: "Measure yanxiud (release build, temporary state folders).",
        subcommands: [WriterBench.self, HeartbeatBench.self, ScaleOutBench.self, ReportBench.self])
}
