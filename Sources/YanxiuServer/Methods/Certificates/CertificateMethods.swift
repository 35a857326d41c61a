import Foundation
import JSONRPC
import Yanxiu

/// `certificate.issue`, `certificate.get`, `certificate.render`, `certificate.verify`,
/// `certificate.revoke`, the operators' `certificate.inspect` and the public `certificate.statusList`.
struct CertificateMethods {
    let app: AppContext

    func descriptors() -> [MethodDescriptor] {
        [issue(), get(), render(), verify(), revoke(), inspect(), statusList()]
    }

    private func issue() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.issue",
            "Issues the certificates of a closed topic to every qualifying teacher who holds none; safe to run again.",
            access: .operator,
            params: [
                .string("topicId", maxLength: 128),
                ParamSpec("progressToken", .any, required: false, "echoed in $/progress notifications {token, done, total}"),
            ],
            result: "{topicId, enrolled, issued, alreadyHeld, notQualified: {reason: count}, elapsedMs}",
            errors: ["topic.unknown", "topic.window_open", "certificate.issuance_running", "store.unavailable"]
        ) { call in
            let topicId = try call.params.require("topicId")
            let token = call.params["progressToken"]
            let notify = call.notify
            let report = try await app.certificates.issuance.run(topicId: topicId, actorUID: call.peer.uid) { done, total in
                if let token { notify("$/progress", ["token": token, "done": .int(done), "total": .int(total)]) }
            }
            app.logger.notice("certificates issued", metadata: [
                "topic.id": "\(topicId)", "certificates.issued": "\(report.issued)", "certificates.elapsed_ms": "\(report.elapsedMs)",
            ])
            return CertificateRendering.report(report)
        }
    }

    private func get() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.get", "The caller's own certificate of a topic: its serial and signed document.", access: .user,
            params: [.string("session"), .string("topicId", maxLength: 128)],
            result: "{serial, document, issuedAt}",
            errors: ["session.unknown", "session.expired", "certificate.unknown", "certificate.revoked"]
        ) { call in
            CertificateRendering.own(try await app.ownCertificate(call))
        }
    }

    private func render() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.render", "The caller's own certificate of a topic as an A4 PDF (base64).", access: .user,
            params: [.string("session"), .string("topicId", maxLength: 128)],
            result: "{serial, fileName, mediaType, pdf}",
            errors: ["session.unknown", "session.expired", "certificate.unknown", "certificate.revoked", "certificate.fonts_unavailable"]
        ) { call in
            try await app.renderedPDF(try await app.ownCertificate(call))
        }
    }

    private func revoke() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.revoke", "Revokes a certificate for good, with the reason (audited); a correction is a new issue.",
            access: .operator,
            params: [.string("serial", maxLength: 32), .string("reason", "why, for the audit log and verifiers", maxLength: 500)],
            result: "{serial, revokedAt, reason}",
            errors: ["certificate.unknown", "certificate.revoked"]
        ) { call in
            let serial = try CertificateParams.serial(call.params)
            let reason = try call.params.require("reason").trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw RPCError.invalidParams(field: "reason", reason: "required") }
            let now = app.clock.nowMs
            let uid = call.peer.uid
            let record = try await app.store.write { tx in
                try CertificateRegistry.revoke(tx, serial: serial, reason: reason, now: now, actorUID: uid)
            }
            app.logger.notice("certificate revoked", metadata: ["certificate.serial": "\(serial)"])
            return ["serial": .string(serial.description), "revokedAt": .string(Timestamp.format(now)), "reason": .string(record.revocation?.reason ?? reason)]
        }
    }

    private func inspect() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.inspect", "An operator's view of any certificate by serial, optionally with its PDF.", access: .operator,
            params: [.string("serial", maxLength: 32), .boolean("pdf", required: false, "also render the PDF (base64)")],
            result: "{serial, userId, topicId, issuedAt, revokedAt?, revocationReason?, document, pdf?}",
            errors: ["certificate.unknown", "certificate.fonts_unavailable"]
        ) { call in
            let serial = try CertificateParams.serial(call.params)
            guard let record = try await app.store.read({ tx in try tx.certificates.certificate(serial: serial) }) else {
                throw DomainError.notFound("certificate.unknown", "No certificate \(serial)")
            }
            var object = CertificateRendering.inspected(record)
            if call.params.bool("pdf") == true {
                object["pdf"] = try await app.renderedPDF(record)["pdf"]
            }
            return .object(object)
        }
    }
}
