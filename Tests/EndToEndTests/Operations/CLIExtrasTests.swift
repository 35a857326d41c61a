import Foundation
import Testing

@Suite("yanxiuctl completions and manual")
struct CLIExtrasTests {
    /// The subcommand names `yanxiuctl --help` lists.
    static func listedCommands() throws -> [String] {
        let help = try run(LiveDaemon.ctlPath, ["--help"]).output
        guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
        // A command's line starts with two spaces; its wrapped abstract continues further in.
        return help[start.upperBound...].split(separator: "\n").compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   "), !line.hasPrefix("  See "), let word = line.split(separator: " ").first else { return nil }
            return String(word)
        }
    }

    @Test("the man page renders without warnings and documents every command --help lists")
    func manualPage() throws {
        let page = try run(LiveDaemon.ctlPath, ["generate-manual"])
        #expect(page.status == 0)
        let file = LiveDaemon.makeDirectory() + "/yanxiuctl.1"
        try page.output.write(toFile: file, atomically: true, encoding: .utf8)
        let lint = try run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", file])
        #expect(lint.status == 0)
        #expect(lint.output.isEmpty, "\(lint.output)")
        let commands = try Self.listedCommands()
        #expect(commands.contains("report") && commands.contains("backup") && commands.contains("stats"))
        for command in commands {
            // roff spells hyphens as \-
            let spelled = command.replacingOccurrences(of: "-", with: "\\-")
            #expect(page.output.contains(".SS \"yanxiuctl \(spelled)"), "\(command) is in the manual")
        }
        #expect(page.output.contains("\\-\\-bom"), "options of nested commands are described")
        #expect(!page.output.contains("generate\\-manual"), "hidden commands stay hidden")
    }

    @Test("install-cli-extras installs bash, zsh and fish completions and the manual")
    func installExtras() throws {
        let root = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: root) }
        var environment = ProcessInfo.processInfo.environment
        environment["DESTDIR"] = root
        environment["YANXIUCTL"] = LiveDaemon.ctlPath
        let result = try run(Paths.file("script/install-cli-extras").path, [], environment: environment)
        #expect(result.status == 0, "\(result.output)")
        let share = root + "/usr/local/share"
        let bash = try String(contentsOfFile: share + "/bash-completion/completions/yanxiuctl", encoding: .utf8)
        #expect(bash.contains("report") && bash.contains("--csv"))
        #expect(try run("/usr/bin/bash", ["-n", share + "/bash-completion/completions/yanxiuctl"]).status == 0)
        #expect(try String(contentsOfFile: share + "/zsh/site-functions/_yanxiuctl", encoding: .utf8).hasPrefix("#compdef yanxiuctl"))
        #expect(try String(contentsOfFile: share + "/fish/vendor_completions.d/yanxiuctl.fish", encoding: .utf8).contains("backup"))
        let manual = try run("/usr/bin/man", ["-l", share + "/man/man1/yanxiuctl.1.gz"])
        #expect(manual.output.contains("yanxiuctl report topic"))
    }

    @Test("--help shows examples of the common tasks")
    func helpExamples() throws {
        let help = try run(LiveDaemon.ctlPath, ["--help"]).output
        for example in ["yanxiuctl status", "yanxiuctl report topic", "yanxiuctl backup"] {
            #expect(help.contains(example), "\(example)")
        }
    }
}
