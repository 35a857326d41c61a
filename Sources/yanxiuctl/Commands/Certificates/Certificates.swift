import ArgumentParser
import Foundation
import JSONRPC

/// `yanxiuctl certificates …`
struct Certificates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Issue, fetch, print, verify and revoke certificates.",
        discussion: """
            Examples:
              yanxiuctl certificates issue --topic mh-2023-winter
              yanxiuctl certificates get --serial YX-7K2M-9QDT-4 > certificate.json
              yanxiuctl certificates render --serial YX-7K2M-9QDT-4 --out certificate.pdf
              yanxiuctl certificates verify certificate.json
              yanxiuctl certificates verify certificate.pdf --status-list status-1.json
              yanxiuctl certificates status-list --out status-1.json
              yanxiuctl certificates revoke YX-7K2M-9QDT-4 --reason "姓名有误"
            """,
        subcommands: [Issue.self, Get.self, Render.self, Verify.self, Revoke.self, StatusList.self])
}

/// Which certificate a command means: any by serial (operators), or the session holder's by topic.
struct CertificateSelection: ParsableArguments {
    @Option(help: "Certificate serial, e.g. YX-7K2M-9QDT-4 (operators).") var serial: String?
    @Option(help: "Topic id: the session holder's own certificate.") var topic: String?
    @Option(help: "Session token for --topic (default: $YANXIU_SESSION).") var session: String?

    func validate() throws {
        guard (serial == nil) != (topic == nil) else { throw ValidationError("give either --serial or --topic") }
        if topic != nil, sessionToken == nil { throw ValidationError("--topic needs --session or $YANXIU_SESSION") }
    }

    var sessionToken: String? {
        session ?? ProcessInfo.processInfo.environment["YANXIU_SESSION"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Fetches the certificate: `certificate.inspect` by serial, `certificate.get`/`render` by topic.
    func fetch(_ session: Session, pdf: Bool) throws -> JSONValue {
        if let serial {
            return try session.call("certificate.inspect", ["serial": .string(serial), "pdf": .bool(pdf)])
        }
        let params: JSONObject = ["session": .string(sessionToken ?? ""), "topicId": .string(topic ?? "")]
        return try session.call(pdf ? "certificate.render" : "certificate.get", params)
    }
}

extension Certificates {
    /// `yanxiuctl certificates issue --topic ID`
    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue the certificates of a closed topic to every qualifying teacher who has none (safe to repeat).")
        @OptionGroup var options: GlobalOptions
        @Option(help: "Topic id.") var topic: String

        func run() throws {
            var bar = ProgressBar(label: "signing")
            let token = "issue-\(topic)"
            let result = try Session(options).call("certificate.issue", ["topicId": .string(topic), "progressToken": .string(token)]) { name, params in
                guard name == "$/progress", params["token"] == .string(token) else { return }
                bar.update(done: params["done"]?.int64Value ?? 0, total: params["total"]?.int64Value ?? 0)
            }
            bar.finish()
            Output.result(result, json: options.json)
        }
    }

    /// `yanxiuctl certificates get`
    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print a certificate's signed document (JSON), e.g. to hand to a verifier.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var selection: CertificateSelection

        func run() throws {
            let result = try selection.fetch(try Session(options), pdf: false)
            Output.line(JSONWriter.string(options.json ? result : result["document"] ?? .null))
        }
    }

    /// `yanxiuctl certificates render --out FILE`
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write a certificate's printable PDF to a file.")
        @OptionGroup var options: GlobalOptions
        @OptionGroup var selection: CertificateSelection
        @Option(help: "The PDF file to write.") var out: String

        func run() throws {
            let result = try selection.fetch(try Session(options), pdf: true)
            guard let base64 = result["pdf"]?.stringValue, let pdf = Data(base64Encoded: base64) else {
                Output.error("yanxiuctl: the daemon sent no PDF")
                throw ExitCode(Exit.protocolError)
            }
            try pdf.write(to: URL(fileURLWithPath: out))
            Output.line("wrote \(out) (\(result["serial"]?.stringValue ?? "?"), \(pdf.count) bytes)")
        }
    }

    /// `yanxiuctl certificates revoke SERIAL --reason TEXT`
    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke a certificate for good (audited); a correction is a new issue.")
        @OptionGroup var options: GlobalOptions
        @Argument(help: "Certificate serial.") var serial: String
        @Option(help: "Why it is revoked (kept in the audit log and shown to verifiers).") var reason: String

        func validate() throws {
            guard !reason.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--reason must not be empty") }
        }

        func run() throws {
            Output.result(try Session(options).call("certificate.revoke", ["serial": .string(serial), "reason": .string(reason)]), json: options.json)
        }
    }
}
