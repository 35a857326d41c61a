import Logging

#if canImport(Glibc)
import Glibc
#endif

extension StderrLogHandler {
    /// One log line without the newline: UTC time, level, label, message, then metadata
    /// sorted by key. Control characters are escaped so a message never spans two lines.
    public static func line(
        time: time_t,
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata
    ) -> String {
        var line = timestamp(time) + " " + level.rawValue + " " + label + ": " + escaped(message)
        for (key, value) in LogMetadata.flatten(metadata) {
            line += " " + escaped(key) + "=" + quotedIfNeeded(value)
        }
        return line
    }

    /// RFC 3339 in UTC, whole seconds: `2026-11-29T01:02:03Z`.
    static func timestamp(_ time: time_t) -> String {
        var seconds = time
        var parts = tm()
        gmtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 32)
        let length = strftime(&buffer, buffer.count, "%Y-%m-%dT%H:%M:%SZ", &parts)
        return String(decoding: buffer.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Values with spaces, quotes or `=` are quoted, so `key=value` pairs split unambiguously.
    static func quotedIfNeeded(_ value: String) -> String {
        let needsQuotes = value.isEmpty || value.unicodeScalars.contains {
            $0 == " " || $0 == "\"" || $0 == "=" || $0 == "\\" || $0.properties.generalCategory == .control
        }
        guard needsQuotes else { return value }
        var quoted = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted += escaped(scalar)
            }
        }
        return quoted + "\""
    }

    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            return text
        }
        return text.unicodeScalars.map(escaped).joined()
    }

    private static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": "\\n"
        case "\r": "\\r"
        case "\t": "\\t"
        case _ where scalar.properties.generalCategory == .control:
            "\\u{" + String(scalar.value, radix: 16) + "}"
        default: String(scalar)
        }
    }
}
