/// The callers of the authorisation matrix, in the order of the columns of `expected.tsv`.
enum MatrixRole: String, CaseIterable {
    /// uid 65534, no session.
    case anonymous
    /// uid 65534 with the session of an ordinary teacher.
    case user
    /// uid 65534 with the session of an administrator of another school and county.
    case otherAdmin
    /// uid 65534 with the session of the administrator of the school and county called about.
    case scopedAdmin
    /// root, no session.
    case `operator`

    var isOperator: Bool { self == .operator }
    var hasSession: Bool { self == .user || self == .otherAdmin || self == .scopedAdmin }
}

/// What a call came to, in the words of `expected.tsv`: `ok` when the method ran (its result,
/// or a refusal of the method's own: 404, 409, 412…), else the reason it was turned away.
enum MatrixOutcome {
    static let denials: Set<String> = ["session.unknown", "session.expired", "auth.forbidden", "auth.operator_required"]

    static func of(_ reply: JSONValue) -> String {
        guard let error = reply["error"] else { return reply["result"] != nil ? "ok" : "no-reply" }
        let code = error["code"]?.int64Value ?? 0
        let reason = error["data"]?["reason"]?.stringValue ?? ""
        let fields = error["data"]?["fields"]?.arrayValue ?? []
        if code == -32602, fields.count == 1, fields[0]["field"] == "session", fields[0]["reason"] == "required" { return "session.required" }
        if denials.contains(reason) { return reason }
        // A protocol error means the matrix called the method wrongly: never an expected outcome.
        if [-32600, -32601, -32602, -32603].contains(code) { return "broken(\(code) \(reason) \(JSONWriter.string(.array(fields))))" }
        return "ok"
    }
}

import JSONRPC
