/// Builds reply objects and lines.
public enum RPCResponse {
    public static func success(id: JSONValue, result: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "result": result, "id": id]
    }

    public static func failure(id: JSONValue, error: RPCError) -> JSONValue {
        ["jsonrpc": "2.0", "error": error.json, "id": id]
    }

    public static func notification(method: String, params: JSONValue) -> JSONValue {
        ["jsonrpc": "2.0", "method": .string(method), "params": params]
    }

    /// A reply as one framed line.
    public static func line(_ value: JSONValue) -> [UInt8] {
        var bytes = JSONWriter.bytes(value)
        bytes.append(0x0A)
        return bytes
    }
}
