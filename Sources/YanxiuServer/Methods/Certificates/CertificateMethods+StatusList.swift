import Foundation
import JSONRPC
import Yanxiu

extension CertificateMethods {
    /// `certificate.statusList`: public data (which serial a bit belongs to is not in it), so
    /// anyone may fetch it; operators publish it beside the verification page.
    func statusList() -> MethodDescriptor {
        let app = self.app
        return MethodDescriptor(
            "certificate.statusList",
            "The current signed W3C Bitstring Status List credential (revocation) of one list, for publishing beside the verification page.",
            access: .anyone,
            params: [.integer("list", required: false, "the list's number, from 1 (default 1)", minimum: 1)],
            result: "{list, lists, revoked, id, credential, issuers (every did:key certificates were signed with, the current first)}",
            errors: ["status_list.unknown"]
        ) { call in
            let list = call.params.int64("list") ?? 1
            let keyring = app.certificates.keyring
            let now = Date(timeIntervalSince1970: Double(app.clock.nowMs) / 1000)
            guard let built = try await app.store.read({ tx in try StatusListCredential.build(tx.certificates, list: list, keyring: keyring, now: now) }) else {
                throw DomainError.notFound("status_list.unknown", "No status list \(list): lists are made as certificates are issued")
            }
            return CertificateRendering.statusList(built, keyring: keyring)
        }
    }
}
