import ArgumentParser
import Foundation

/// `yanxiuctl generate-manual`: the man page, from the same command definitions as `--help`.
struct GenerateManual: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-manual",
        abstract: "Print yanxiuctl(1) in roff, generated from the command definitions (script/install-cli-extras installs it).",
        shouldDisplay: false)

    func run() throws {
        let tool = try JSONDecoder().decode(ToolInfo.self, from: Data(Yanxiuctl._dumpHelp().utf8))
        var page = ManualPage(tool: tool, version: Yanxiuctl.configuration.version)
        page.extraSections = [
            ("ENVIRONMENT", ["YANXIU_SOCKET: the daemon's socket when --socket is not given."]),
            ("FILES", [
                "./.yanxiu/yanxiud.sock: the socket of a daemon started by script/run in this folder.",
                "/run/yanxiu/yanxiud.sock: the socket of the systemd service.",
            ]),
            ("EXIT STATUS", [
                "0 success, 1 the daemon answered with an error (printed with its data.reason), 64 usage error, 69 daemon unreachable, 76 protocol error.",
            ]),
            ("SEE ALSO", ["yanxiud(8), systemctl(1), sqlite3(1)"]),
        ]
        Output.write(Array(page.render().utf8))
    }
}
