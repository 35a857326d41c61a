import ArgumentParser
import Foundation
import JSONRPC
import YanxiuCredentials
import YanxiuClient

extension Certificates {
    /// `yanxiuctl certificates verify FILE`: offline from the file, then with the daemon if it answers.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a certificate file: its signature offline, then (when the daemon answers) issue and revocation.",
            discussion: """
                FILE is the signed document (JSON) or the printed PDF, which carries it as an attachment; \
                for a PDF, the serial and holder it prints must match the attached credential.
                Exit status 0 when the certificate is valid, 1 when it is not, 65 when the file is neither.
                """)
        @OptionGroup var options: GlobalOptions
        @Argument(help: "A certificate document (JSON), as `certificates get` prints it, or its PDF.") var file: String
        @Flag(help: "Do not ask the daemon (revocation is then checked only with --status-list).") var offline = false
        @Option(help: "A status list credential (as `certificates status-list` writes it) to check revocation offline.") var statusList: String?

        func run() throws {
            guard let data = FileManager.default.contents(atPath: file) else {
                Output.error("yanxiuctl: cannot read \(file)")
                throw ExitCode(65)
            }
            var bytes = Array(data)
            var pdf: CertificatePDFContents?
            if CertificatePDFContents.isPDF(bytes) {
                do {
                    pdf = try CertificatePDFContents(pdf: bytes)
                } catch {
                    Output.error("yanxiuctl: \(file): \(error)")
                    throw ExitCode(65)
                }
                bytes = pdf!.attachment
            }
            guard let document = try? JSONParser.parse(bytes) else {
                Output.error("yanxiuctl: \(file) is neither a certificate PDF nor a JSON file")
                throw ExitCode(65)
            }
            let local = OfflineCertificateCheck(document)
            let printed = pdf.map { contents in
                PrintedCertificateCheck(
                    pdfPath: file, contents: contents, serial: local.serial?.description ?? "", holder: local.subject?.name ?? "")
            }
            var status: CertificateStatusCheck?
            if let statusList {
                guard let data = FileManager.default.contents(atPath: statusList), let list = try? JSONParser.parse(Array(data)) else {
                    Output.error("yanxiuctl: \(statusList) is not a readable JSON file")
                    throw ExitCode(65)
                }
                status = CertificateStatusCheck(certificate: document, list: list)
            }
            let online = offline ? nil : askDaemon(document)
            let valid = local.valid && (printed?.matches ?? true) && (online?["valid"]?.boolValue ?? true) && status?.isRevoked != true
            if options.json {
                Output.line(JSONWriter.string([
                    "valid": .bool(valid), "offline": local.json, "daemon": online ?? .null,
                    "status": status.map { $0.json } ?? .null,
                    "printed": printed.map { ["matches": .bool($0.matches), "source": .string($0.source), "detail": .optional($0.detail)] } ?? .null,
                ]))
            } else {
                print(local, online: online, printed: printed, status: status, valid: valid)
            }
            if !valid { throw ExitCode(Exit.rpcError) }
        }

        /// The daemon's verdict, or nil when it cannot be reached (the offline check still stands).
        private func askDaemon(_ document: JSONValue) -> JSONValue? {
            guard let client = try? RPCClient(socketPath: options.socketPath) else { return nil }
            return try? client.call("certificate.verify", ["document": document])
        }

        private func print(
        _ local: OfflineCertificateCheck, online: JSONValue?, printed: PrintedCertificateCheck?, status: CertificateStatusCheck?, valid: Bool
    ) {
            Output.line("signature:   " + (local.valid ? "valid, made by the issuer's own key" : "INVALID (\(local.reason ?? "?")): \(local.detail ?? "")"))
            Output.line("issuer:      \(local.issuerName ?? "?") \(local.issuerDID ?? "?")")
            Output.line("serial:      \(local.serial?.description ?? "?")")
            if let subject = local.subject {
                Output.line("holder:      \(subject.name)，\(subject.schoolName)（\(subject.regionName)）")
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
            if let status { Output.line("status list: " + status.summary) }
            if let printed {
                Output.line("printed:     " + (printed.matches
                    ? "serial and holder match the attached credential, read from \(printed.source)"
                    : "MISMATCH (pdf.mismatch): \(printed.detail ?? ""), read from \(printed.source)"))
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

extension CertificateStatusCheck {
    var isRevoked: Bool {
        if case .revoked = self { return true }
        return false
    }

    var summary: String {
        switch self {
        case .notRevoked(let id): "not revoked (\(id))"
        case .revoked(let id): "REVOKED (certificate.revoked, \(id))"
        case .noEntry: "unknown: the certificate carries no status entry (issued before status lists); only the daemon knows"
        case .unusableList(let reason, let detail): "not checked (\(reason)): \(detail)"
        }
    }

    var json: JSONValue {
        switch self {
        case .notRevoked(let id): ["revoked": false, "list": .string(id)]
        case .revoked(let id): ["revoked": true, "list": .string(id)]
        case .noEntry: ["revoked": .null, "reason": "status.no_entry"]
        case .unusableList(let reason, let detail): ["revoked": .null, "reason": .string(reason), "detail": .string(detail)]
        }
    }
}
