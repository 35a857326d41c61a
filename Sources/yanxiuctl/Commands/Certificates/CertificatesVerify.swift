import ArgumentParser
import Foundation
import JSONRPC
import Yanxiu
import YanxiuClient

extension Certificates {
    /// `yanxiuctl certificates verify FILE`: offline from the file, then with the daemon if it answers.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a certificate file: its signature offline, then (when the daemon answers) issue and revocation.",
            discussion: "Exit status 0 when the certificate is valid, 1 when it is not, 65 when the file is not JSON.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "A certificate document (JSON), as `certificates get` prints it.") var file: String
        @Flag(help: "Do not ask the daemon (revocation is then not checked).") var offline = false

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file), let document = try? JSONParser.parse(Array(data)) else {
                Output.error("yanxiuctl: \(file) is not a readable JSON file")
                throw ExitCode(65)
            }
            let local = OfflineCertificateCheck(document)
            let online = offline ? nil : askDaemon(document)
            let valid = local.valid && (online?["valid"]?.boolValue ?? true)
            if options.json {
                Output.line(JSONWriter.string(["valid": .bool(valid), "offline": local.json, "daemon": online ?? .null]))
            } else {
                print(local, online: online, valid: valid)
            }
            if !valid { throw ExitCode(Exit.rpcError) }
        }

        /// The daemon's verdict, or nil when it cannot be reached (the offline check still stands).
        private func askDaemon(_ document: JSONValue) -> JSONValue? {
            guard let client = try? RPCClient(socketPath: options.socketPath) else { return nil }
            return try? client.call("certificate.verify", ["document": document])
        }

        private func print(_ local: OfflineCertificateCheck, online: JSONValue?, valid: Bool) {
            Output.line("signature:   " + (local.valid ? "valid, made by the issuer's own key" : "INVALID (\(local.reason ?? "?")): \(local.detail ?? "")"))
            Output.line("issuer:      \(local.issuerName ?? "?") \(local.issuerDID ?? "?")")
            Output.line("serial:      \(local.serial?.description ?? "?")")
            if let subject = local.subject {
                Output.line("holder:      \(subject.name)，\(subject.regionName)\(subject.schoolName)")
                Output.line("training:    \(subject.topicTitle)，认定学时 \(JSONWriter.string(.double(subject.recognisedHours)))")
            }
            if let online {
                let reason = online["reason"]?.stringValue
                var line = "daemon:      " + (online["valid"] == true ? "issued by this platform and not revoked" : "NOT VALID (\(reason ?? "?"))")
                if let revoked = online["revokedAt"]?.stringValue { line += ", revoked \(revoked): \(online["revocationReason"]?.stringValue ?? "")" }
                Output.line(line)
            } else {
                Output.line("daemon:      " + (offline ? "not asked" : "unreachable; revocation not checked"))
            }
            Output.line(valid ? "VALID" : "NOT VALID")
        }
    }
}

extension OfflineCertificateCheck {
    var json: JSONValue {
        [
            "valid": .bool(valid), "reason": .optional(reason), "detail": .optional(detail), "issuer": .optional(issuerDID),
            "serial": .optional(serial?.description),
        ]
    }
}
