import JSONRPC
import Yanxiu

extension CertificateMethods {
    func verify() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.verify",
            "Checks a certificate by serial or as a whole document: our signature, unchanged since issue, not revoked.",
            access: .anyone,
            params: [
                .string("serial", required: false, "as printed, e.g. YX-7K2M-9QDT-4", maxLength: 32),
                .object("document", required: false, "a certificate document as issued"),
            ],
            result: "{valid, reason (signature.invalid, certificate.unknown, certificate.revoked, document.altered or null), serial?, issuedAt?, revokedAt?, certificate?}"
        ) { call in
            let serial = call.params.string("serial")
            let document = call.params["document"]
            guard (serial == nil) != (document == nil) else {
                throw RPCError.invalidParams([
                    .init(field: "serial", reason: "exactly_one_of"), .init(field: "document", reason: "exactly_one_of"),
                ])
            }
            let verifier = app.certificates.verifier
            if let document {
                return CertificateRendering.verdict(try await app.store.read { tx in try verifier.verify(tx.certificates, document: document) })
            }
            let parsed = try CertificateParams.serial(call.params)
            return CertificateRendering.verdict(try await app.store.read { tx in try verifier.verify(tx.certificates, serial: parsed) })
        }
    }
}

/// Reading certificate params.
enum CertificateParams {
    /// The `serial` param as a person typed it; -32602 naming what is wrong with it.
    static func serial(_ params: Params) throws -> CertificateSerial {
        let text = try params.require("serial")
        do {
            return try CertificateSerial(parsing: text)
        } catch .checkCharacterMismatch {
            throw RPCError.invalidParams(field: "serial", reason: "checksum")
        } catch {
            throw RPCError.invalidParams(field: "serial", reason: "format")
        }
    }
}
