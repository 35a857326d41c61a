import CLibpq

/// Reading a libpq connection string without connecting.
public enum PostgresConnectionString {
    /// The settings the string holds (key=value form or URI), as libpq parses them; nil when it does not parse.
    public static func settings(_ conninfo: String) -> [String: String]? {
        guard let options = PQconninfoParse(conninfo, nil) else { return nil }
        defer { PQconninfoFree(options) }
        var settings: [String: String] = [:]
        var option = options
        while let keyword = option.pointee.keyword {
            if let value = option.pointee.val { settings[String(cString: keyword)] = String(cString: value) }
            option += 1
        }
        return settings
    }

    /// Whether the string carries a password (`password=...`, or `user:password@` in a URI).
    public static func holdsPassword(_ conninfo: String) -> Bool {
        guard let password = settings(conninfo)?["password"] else { return false }
        return !password.isEmpty
    }
}
