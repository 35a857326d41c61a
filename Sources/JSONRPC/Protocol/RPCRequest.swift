/// A request id: absent for notifications, otherwise echoed exactly as received.
public enum RPCID: Sendable, Hashable {
    case none
    case value(JSONValue)

    public var isNotification: Bool { self == .none }
    public var json: JSONValue {
        switch self {
        case .none: .null
        case .value(let value): value
        }
    }
}

/// One well-formed request or notification.
public struct RPCRequest: Sendable {
    public var id: RPCID
    public var method: String
    public var params: JSONObject

    public init(id: RPCID, method: String, params: JSONObject = JSONObject()) {
        self.id = id
        self.method = method
        self.params = params
    }
}

/// What one line of input turned out to be.
public enum RPCIncoming: Sendable {
    /// A request or notification.
    case request(RPCRequest)
    /// Something that must be answered with this error (and this id, null when unknown).
    case invalid(RPCError, id: JSONValue)
    /// A non-empty batch; each member is a request or an invalid member.
    case batch([RPCIncoming])
}

/// Turns a line into requests, following the JSON-RPC 2.0 specification to the letter.
public enum RPCRequestDecoder {
    public static func decode(_ line: some Collection<UInt8>, maxDepth: Int = JSONParser.defaultMaxDepth) -> RPCIncoming {
        let value: JSONValue
        do {
            value = try JSONParser.parse(line, maxDepth: maxDepth)
        } catch {
            if error.reason == .tooDeep {
                return .invalid(.invalidRequest("request.too_deep", detail: error.description), id: .null)
            }
            return .invalid(.parseError(error.description), id: .null)
        }
        return decode(value)
    }

    public static func decode(_ value: JSONValue) -> RPCIncoming {
        if case .array(let members) = value {
            if members.isEmpty { return .invalid(.invalidRequest(detail: "empty batch"), id: .null) }
            return .batch(members.map(decodeSingle))
        }
        return decodeSingle(value)
    }

    static func decodeSingle(_ value: JSONValue) -> RPCIncoming {
        guard case .object(let object) = value else {
            return .invalid(.invalidRequest(detail: "a request must be an object"), id: .null)
        }
        // The id is echoed even when the rest is broken, as long as it is a legal id.
        var id = RPCID.none
        var replyID = JSONValue.null
        if let rawID = object["id"] {
            switch rawID {
            case .string, .number, .null:
                id = .value(rawID)
                replyID = rawID
            default:
                return .invalid(.invalidRequest(detail: "id must be a string, a number or null"), id: .null)
            }
        }
        guard object["jsonrpc"] == .string("2.0") else {
            return .invalid(.invalidRequest(detail: "jsonrpc must be \"2.0\""), id: replyID)
        }
        guard case .string(let method)? = object["method"] else {
            return .invalid(.invalidRequest(detail: "method must be a string"), id: replyID)
        }
        var params = JSONObject()
        switch object["params"] {
        case nil: break
        case .object(let p)?: params = p
        case .array?:
            return .invalid(.invalidParams(field: "params", reason: "by_position_unsupported"), id: replyID)
        default:
            return .invalid(.invalidRequest(detail: "params must be an object"), id: replyID)
        }
        return .request(RPCRequest(id: id, method: method, params: params))
    }
}
