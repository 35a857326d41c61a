/// The parts of ArgumentParser's `--experimental-dump-help` JSON (ToolInfoV0) the manual uses.
///
/// Decoded here rather than imported: `ArgumentParserToolInfo` is not a product of the package.
struct ToolInfo: Decodable {
    var serializationVersion: Int
    var command: CommandInfo

    struct CommandInfo: Decodable {
        var commandName: String
        var superCommands: [String]?
        var shouldDisplay: Bool?
        var abstract: String?
        var discussion: String?
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?

        var fullName: String { ((superCommands ?? []) + [commandName]).joined(separator: " ") }
        var isShown: Bool { shouldDisplay ?? true }
    }

    struct ArgumentInfo: Decodable {
        enum Kind: String, Decodable { case positional, option, flag }

        struct Name: Decodable {
            var kind: String
            var name: String

            var spelled: String {
                switch kind {
                case "short": "-" + name
                case "longWithSingleDash": "-" + name
                default: "--" + name
                }
            }
        }

        var kind: Kind
        var shouldDisplay: Bool?
        var names: [Name]?
        var valueName: String?
        var defaultValue: String?
        var isOptional: Bool?
        var isRepeating: Bool?
        var abstract: String?
        var discussion: String?

        var isShown: Bool { shouldDisplay ?? true }
    }
}
