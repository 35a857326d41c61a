import JSONRPC

/// What every reply line must be, whatever the request: one compact JSON text of JSON-RPC
/// 2.0 responses, never an internal error (an error nobody recognised is a bug).
enum ReplyCheck {
    static func verify(reply: [UInt8], request: [UInt8]) {
        precondition(reply.last == 0x0A, "a reply line without its newline")
        let text = reply.dropLast()
        precondition(!text.contains(0x0A), "a reply line holds a raw newline")
        let value: JSONValue
        do {
            value = try JSONParser.parse(text, maxDepth: 10_000)
        } catch {
            fatalError("the reply is not JSON (\(error)): \(String(decoding: reply, as: UTF8.self))")
        }
        if let members = value.arrayValue {
            precondition(!members.isEmpty, "an empty batch reply")
            members.forEach { verify(response: $0, request: request) }
        } else {
            verify(response: value, request: request)
        }
    }

    private static func verify(response: JSONValue, request: [UInt8]) {
        precondition(response["jsonrpc"] == "2.0", "a reply without jsonrpc 2.0")
        precondition(response["id"] != nil, "a reply without id")
        precondition((response["result"] == nil) != (response["error"] == nil), "a reply needs exactly one of result and error")
        guard let error = response["error"] else { return }
        let code = error["code"]?.int64Value ?? 0
        precondition(code != -32603, "internal error for \(String(decoding: request.prefix(2000), as: UTF8.self)): \(JSONWriter.string(response))")
        precondition(error["data"]?["reason"]?.stringValue != nil, "an error without data.reason: \(JSONWriter.string(response))")
    }
}
