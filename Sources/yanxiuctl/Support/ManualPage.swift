import Foundation

/// Writes a man page (roff, man macros) for a command tree described by ArgumentParser's
/// ToolInfo, so the manual never disagrees with `--help`.
struct ManualPage {
    let tool: ToolInfo
    let version: String
    /// Sections after COMMANDS: title and paragraphs.
    var extraSections: [(String, [String])] = []

    func render() -> String {
        let root = tool.command
        var out: [String] = [
            ".TH \(root.commandName.uppercased()) 1 \"\" \"\(Self.escape(root.commandName)) \(version)\" \"yanxiud manual\"",
            ".SH NAME",
            "\(Self.escape(root.commandName)) \\- \(Self.escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
            synopsis(root, globals: globals),
        ]
        if let discussion = root.discussion, !discussion.isEmpty {
            out += [".SH DESCRIPTION"] + paragraphs(discussion)
        }
        out += options(of: root, extra: globals)
        out.append(".SH COMMANDS")
        for command in flatten(root.subcommands ?? []) {
            out += section(command)
        }
        for (title, paragraphs) in extraSections {
            out.append(".SH \(title)")
            for paragraph in paragraphs { out += [".PP", Self.escape(paragraph)] }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// Every displayed command below the root, depth first, in the order --help lists them.
    private func flatten(_ commands: [ToolInfo.CommandInfo]) -> [ToolInfo.CommandInfo] {
        commands.filter(\.isShown).flatMap { [$0] + flatten($0.subcommands ?? []) }
    }

    private func section(_ command: ToolInfo.CommandInfo) -> [String] {
        var out = [".SS \"\(Self.escape(command.fullName))\""]
        if let abstract = command.abstract { out.append(Self.escape(abstract)) }
        out.append(".PP")
        out.append(synopsis(command))
        if let discussion = command.discussion, !discussion.isEmpty { out += [".PP"] + paragraphs(discussion) }
        out += options(of: command, heading: false)
        return out
    }

    /// The options every subcommand shares (`--socket`, `--json`), described once under the root.
    private var globals: [ToolInfo.ArgumentInfo] {
        var seen = Set<String>()
        return flatten(tool.command.subcommands ?? []).flatMap { $0.arguments ?? [] }.filter { argument in
            guard argument.isShown, Self.isGlobal(argument), !Self.isStandard(argument), let name = argument.names?.first?.name else { return false }
            return seen.insert(name).inserted
        }
    }

    private func synopsis(_ command: ToolInfo.CommandInfo, globals: [ToolInfo.ArgumentInfo] = []) -> String {
        var parts = ["\\fB\(Self.escape(command.fullName))\\fR"]
        for argument in globals + (command.arguments ?? []) where argument.isShown && !Self.isStandard(argument) && (!globals.isEmpty || !Self.isGlobal(argument)) {
            var text: String
            switch argument.kind {
            case .positional: text = "\\fI\(Self.escape(argument.valueName ?? "value"))\\fR"
            case .option: text = "\\fB\(Self.escape(argument.names?.first?.spelled ?? ""))\\fR \\fI\(Self.escape(argument.valueName ?? "value"))\\fR"
            case .flag: text = "\\fB\(Self.escape(argument.names?.first?.spelled ?? ""))\\fR"
            }
            if argument.isRepeating == true { text += " ..." }
            parts.append(argument.isOptional == true ? "[\(text)]" : text)
        }
        if command.subcommands?.contains(where: \.isShown) == true { parts.append("\\fICOMMAND\\fR") }
        return parts.joined(separator: " ")
    }

    /// `--socket`, `--json`, `--help` are on every command; the root's OPTIONS describe them once.
    private static func isGlobal(_ argument: ToolInfo.ArgumentInfo) -> Bool {
        let names = Set((argument.names ?? []).map(\.name))
        return !names.isDisjoint(with: ["socket", "json", "help", "version"])
    }

    /// `--help` and `--version`, which no synopsis needs to repeat.
    private static func isStandard(_ argument: ToolInfo.ArgumentInfo) -> Bool {
        !Set((argument.names ?? []).map(\.name)).isDisjoint(with: ["help", "version"])
    }

    private func options(of command: ToolInfo.CommandInfo, heading: Bool = true, extra: [ToolInfo.ArgumentInfo] = []) -> [String] {
        let shown = extra + (command.arguments ?? []).filter { $0.isShown && (heading || !Self.isGlobal($0)) }
        guard !shown.isEmpty else { return [] }
        var out = heading ? [".SH OPTIONS"] : []
        for argument in shown {
            let names = (argument.names ?? []).map { "\\fB\(Self.escape($0.spelled))\\fR" }.joined(separator: ", ")
            let value = argument.kind == .flag ? "" : " \\fI\(Self.escape(argument.valueName ?? "value"))\\fR"
            out.append(".TP")
            out.append(argument.kind == .positional ? "\\fI\(Self.escape(argument.valueName ?? "value"))\\fR" : names + value)
            var text = argument.abstract ?? ""
            if let value = argument.defaultValue, !value.isEmpty { text += " (default: \(value))" }
            out.append(Self.escape(text))
        }
        return out
    }

    /// Discussion text: blank lines separate paragraphs, indented lines (examples) are kept as they are.
    private func paragraphs(_ text: String) -> [String] {
        var out: [String] = []
        var literal = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let isIndented = line.hasPrefix(" ")
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                if literal { out.append(".fi"); literal = false }
                out.append(".PP")
            } else if isIndented {
                if !literal { out += [".PP", ".nf"]; literal = true }
                out.append(Self.escape(String(line)))
            } else {
                if literal { out.append(".fi"); literal = false }
                out.append(Self.escape(String(line)))
            }
        }
        if literal { out.append(".fi") }
        return out
    }

    /// Escapes roff: backslashes, hyphens (so options stay minus signs), control characters at line
    /// starts, and every non-ASCII character as `\[uXXXX]`, so the page reads the same whatever
    /// input encoding the formatter assumes (the examples hold Chinese).
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            case _ where scalar.isASCII: escaped.unicodeScalars.append(scalar)
            default: escaped += String(format: "\\[u%04X]", scalar.value)
            }
        }
        if escaped.hasPrefix(".") || escaped.hasPrefix("'") { escaped = "\\&" + escaped }
        return escaped
    }
}
