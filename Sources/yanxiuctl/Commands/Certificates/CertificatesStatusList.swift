import ArgumentParser
import Foundation
import JSONRPC

extension Certificates {
    /// `yanxiuctl certificates status-list --out FILE [--list N]`
    struct StatusList: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status-list",
            abstract: "Write the current signed revocation status list (W3C Bitstring Status List) to publish beside the verification page.",
            discussion: """
                Publish the file at the address the certificates name (the `id` printed), e.g. status-1.json \\
                next to the verification page when `verification-url` is set; write it again after every revocation.
                """)
        @OptionGroup var options: GlobalOptions
        @Option(help: "The list's number, from 1.") var list = 1
        @Option(help: "The JSON file to write.") var out: String
        @Option(help: "Also write the verification page's config.js, naming this daemon's issuer as the one it accepts.")
        var pageConfig: String?

        func validate() throws {
            guard list >= 1 else { throw ValidationError("--list starts at 1") }
        }

        func run() throws {
            let result = try Session(options).call("certificate.statusList", ["list": .int(list)])
            let credential = result["credential"] ?? .null
            try Data(JSONWriter.string(credential).utf8).write(to: URL(fileURLWithPath: out))
            if let pageConfig {
                let issuer = credential["issuer"] ?? .null
                let script = """
                    // The issuer this page accepts, written by `yanxiuctl certificates status-list --page-config`.
                    window.YANXIU_VERIFY = {
                      issuer: \(JSONWriter.string(issuer["id"] ?? .null)),
                      // Every key certificates were signed with, the current one first.
                      issuers: \(JSONWriter.string(result["issuers"] ?? [issuer["id"] ?? .null])),
                      issuerName: \(JSONWriter.string(issuer["name"] ?? .null)),
                    };

                    """
                try Data(script.utf8).write(to: URL(fileURLWithPath: pageConfig))
            }
            if options.json {
                Output.line(JSONWriter.string(["list": result["list"] ?? .null, "lists": result["lists"] ?? .null,
                                               "revoked": result["revoked"] ?? .null, "id": result["id"] ?? .null, "file": .string(out)]))
            } else {
                Output.line("wrote \(out): status list \(list) of \(result["lists"]?.int64Value ?? 0), "
                    + "\(result["revoked"]?.int64Value ?? 0) revoked, publish it as \(result["id"]?.stringValue ?? "?")")
            }
        }
    }
}
