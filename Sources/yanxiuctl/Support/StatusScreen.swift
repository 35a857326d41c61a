import Foundation
import JSONRPC

/// The one screen of `yanxiuctl status`, from `system.status`.
struct StatusScreen {
    let status: JSONValue

    func render() -> String {
        let s = status
        let clock = s["testClock"] == true ? "  (test clock)" : ""
        var lines = [
            "\(s["name"]?.stringValue ?? "yanxiud") \(s["version"]?.stringValue ?? "?")  up \(Self.duration(s["uptimeSeconds"]?.doubleValue ?? 0))"
                + "  schema \(s["schemaVersion"]?.int64Value ?? 0)/\(s["latestSchemaVersion"]?.int64Value ?? 0)\(clock)",
            "server time      \(s["serverTime"]?.stringValue ?? "?")",
            "connections      \(s["connections"]?["open"]?.int64Value ?? 0) open, \(s["connections"]?["accepted"]?.int64Value ?? 0) accepted, "
                + "\(s["connections"]?["refused"]?.int64Value ?? 0) refused at the limit",
        ]
        let depths = (s["heartbeatLanes"]?["depths"]?.arrayValue ?? []).map { String($0.int64Value ?? 0) }
        lines.append("heartbeat lanes  \(s["heartbeatLanes"]?["waiting"]?.int64Value ?? 0) waiting  [\(depths.joined(separator: " "))]")
        let store = s["store"] ?? .null
        lines.append(String(
            format: "store writer     %lld waiting; %lld commits, mean batch %.1f, mean %.2f ms, longest %.2f ms",
            store["queueDepth"]?.int64Value ?? 0, store["commits"]?.int64Value ?? 0, store["meanBatch"]?.doubleValue ?? 0,
            store["meanCommitMs"]?.doubleValue ?? 0, store["longestCommitMs"]?.doubleValue ?? 0))
        if let server = store["server"]?.stringValue {
            lines.append("database server  \(server) (\(store["primary"] == true ? "primary" : "standby, takes no writes"))")
        }
        if let backup = s["lastBackup"], backup != .null {
            let mib = Double(backup["bytes"]?.int64Value ?? 0) / 1_048_576
            lines.append(String(format: "last backup      %@  %@  %.1f MiB", backup["at"]?.stringValue ?? "?", backup["path"]?.stringValue ?? "?", mib))
        } else {
            lines.append("last backup      never (yanxiuctl backup PATH)")
        }
        return lines.joined(separator: "\n")
    }

    /// 3d 4h, 2h 5m, 4m 10s, 12s.
    static func duration(_ seconds: Double) -> String {
        let s = Int(seconds)
        if s >= 86_400 { return "\(s / 86_400)d \(s % 86_400 / 3600)h" }
        if s >= 3600 { return "\(s / 3600)h \(s % 3600 / 60)m" }
        if s >= 60 { return "\(s / 60)m \(s % 60)s" }
        return "\(s)s"
    }
}
