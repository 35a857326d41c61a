/// Turns swift-log metadata keys into journal field names (`rpc.method` → `RPC_METHOD`).
///
/// journald keeps only fields named with `A-Z`, `0-9` and `_`, at most 64 characters, not
/// starting with a digit, and treats a leading `_` as a trusted field that clients may not
/// set; it drops the others silently, so every key is mapped to a name it accepts.
public enum JournalFieldName {
    /// Longest name journald accepts.
    public static let maximumLength = 64

    /// Prefix for keys that would otherwise start with a digit, be empty, or overwrite a
    /// field the log handler writes itself (a `message` key must not replace `MESSAGE`).
    public static let prefix = "META"

    /// Fields the journal handler sets; metadata may not take these names.
    public static let reserved: Set<String> = [
        "MESSAGE", "PRIORITY", "SYSLOG_IDENTIFIER", "CODE_FILE", "CODE_LINE", "CODE_FUNC",
        "LOGGER_LABEL",
    ]

    /// The journal field name for a metadata key.
    public static func forMetadataKey(_ key: String) -> String {
        var name = String(String.UnicodeScalarView(key.unicodeScalars.map(mapScalar)))
        // Leading underscores carry no meaning once dots became underscores, and journald
        // would refuse them as trusted fields.
        name = String(name.drop { $0 == "_" })
        if name.isEmpty {
            return prefix
        }
        if name.first!.isNumber || reserved.contains(name) {
            name = prefix + "_" + name
        }
        return String(name.prefix(maximumLength))
    }

    /// Whether journald would accept `name` from a client.
    public static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, name.unicodeScalars.count <= maximumLength
        else { return false }
        guard first != "_", !("0"..."9").contains(first) else { return false }
        return name.unicodeScalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    private static func mapScalar(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "A"..."Z", "0"..."9", "_": scalar
        case "a"..."z": Unicode.Scalar(scalar.value - 0x20)!
        default: "_"
        }
    }
}
