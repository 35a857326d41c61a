/// Validated params handed to a method; typed getters for what the spec already checked.
public struct Params: Sendable {
    public let object: JSONObject

    public init(_ object: JSONObject) { self.object = object }

    public subscript(name: String) -> JSONValue? {
        guard let value = object[name], !value.isNull else { return nil }
        return value
    }

    public func string(_ name: String) -> String? { self[name]?.stringValue }
    public func int64(_ name: String) -> Int64? { self[name]?.int64Value }
    public func int(_ name: String) -> Int? { int64(name).flatMap { Int(exactly: $0) } }
    public func double(_ name: String) -> Double? { self[name]?.doubleValue }
    public func bool(_ name: String) -> Bool? { self[name]?.boolValue }
    public func objectValue(_ name: String) -> JSONObject? { self[name]?.objectValue }
    public func array(_ name: String) -> [JSONValue]? { self[name]?.arrayValue }

    /// A required string the spec guarantees; a missing one is a programming error reported as invalid params.
    public func require(_ name: String) throws(RPCError) -> String {
        guard let value = string(name) else { throw RPCError.invalidParams(field: name, reason: "required") }
        return value
    }

    public func requireInt64(_ name: String) throws(RPCError) -> Int64 {
        guard let value = int64(name) else { throw RPCError.invalidParams(field: name, reason: "required") }
        return value
    }
}
