/// The declared shape of one named parameter; drives validation and the OpenRPC document.
public struct ParamSpec: Sendable {
    /// The JSON type a parameter must have.
    public enum Kind: String, Sendable {
        case string, integer, number, boolean, object, array, any
    }

    public var name: String
    public var kind: Kind
    public var required: Bool
    public var summary: String
    /// Extra JSON Schema keywords (enum, minimum, maxLength, …) for the OpenRPC document.
    public var schema: JSONObject

    public init(_ name: String, _ kind: Kind, required: Bool = true, _ summary: String = "", schema: JSONObject = JSONObject()) {
        self.name = name
        self.kind = kind
        self.required = required
        self.summary = summary
        self.schema = schema
    }

    public static func string(_ name: String, required: Bool = true, _ summary: String = "", oneOf values: [String]? = nil, maxLength: Int? = nil) -> ParamSpec {
        var schema = JSONObject()
        if let values { schema["enum"] = .array(values.map(JSONValue.string)) }
        if let maxLength { schema["maxLength"] = .int(maxLength) }
        return ParamSpec(name, .string, required: required, summary, schema: schema)
    }

    public static func integer(_ name: String, required: Bool = true, _ summary: String = "", minimum: Int64? = nil) -> ParamSpec {
        var schema = JSONObject()
        if let minimum { schema["minimum"] = .int64(minimum) }
        return ParamSpec(name, .integer, required: required, summary, schema: schema)
    }

    public static func number(_ name: String, required: Bool = true, _ summary: String = "") -> ParamSpec {
        ParamSpec(name, .number, required: required, summary)
    }

    public static func boolean(_ name: String, required: Bool = true, _ summary: String = "") -> ParamSpec {
        ParamSpec(name, .boolean, required: required, summary)
    }

    public static func object(_ name: String, required: Bool = true, _ summary: String = "") -> ParamSpec {
        ParamSpec(name, .object, required: required, summary)
    }

    public static func array(_ name: String, required: Bool = true, _ summary: String = "") -> ParamSpec {
        ParamSpec(name, .array, required: required, summary)
    }

    /// Why `value` does not fit this parameter, or nil when it does.
    func problem(with value: JSONValue) -> String? {
        switch (kind, value) {
        case (.any, _): return nil
        case (.string, .string(let s)):
            if let allowed = schema["enum"]?.arrayValue, !allowed.contains(.string(s)) { return "not_allowed" }
            if let max = schema["maxLength"]?.int64Value, s.unicodeScalars.count > max { return "too_long" }
            return nil
        case (.integer, .number(let n)):
            guard let v = n.int64 else { return "not_integer" }
            if let min = schema["minimum"]?.int64Value, v < min { return "too_small" }
            return nil
        case (.number, .number(let n)): return n.double == nil ? "out_of_range" : nil
        case (.boolean, .bool), (.object, .object), (.array, .array): return nil
        default: return "type"
        }
    }

    var jsonSchema: JSONValue {
        var object = schema
        if kind != .any { object["type"] = .string(kind.rawValue) }
        return .object(object)
    }
}
