import Foundation
import JSONRPC
import Yanxiu

extension AppContext {
    /// The caller's live certificate of the call's `topicId`: 404 `certificate.unknown` when
    /// none was issued, 409 `certificate.revoked` when the only one was revoked.
    func ownCertificate(_ call: RPCCall) async throws -> CertificateRecord {
        let account = try await account(call)
        let topicId = try call.params.require("topicId")
        let record = try await store.read { tx in try tx.certificates.certificate(accountID: account.accountID, topicId: topicId) }
        guard let record else { throw DomainError.notFound("certificate.unknown", "No certificate of topic \(topicId) for this account") }
        if let revocation = record.revocation {
            throw DomainError.conflict("certificate.revoked", "The certificate \(record.serial) was revoked", data: [
                "serial": .string(record.serial.description), "revokedAt": .string(Timestamp.format(revocation.at)),
                "revocationReason": .string(revocation.reason),
            ])
        }
        return record
    }

    /// The PDF of a certificate, rendered off the event loops: `{serial, fileName, mediaType, pdf}`.
    func renderedPDF(_ record: CertificateRecord) async throws -> JSONValue {
        guard let renderer = certificates.renderer else {
            throw DomainError(.unavailable, "certificate.fonts_unavailable", "Certificates cannot be printed: the configured fonts are missing")
        }
        guard let print = CertificatePrintData(document: record.document, verificationURL: certificates.verificationURL) else {
            // Only the daemon writes stored documents; one it cannot read is a fault, logged as such.
            throw UnprintableCertificate(serial: record.serial)
        }
        let credential = PDFAttachment(
            fileName: "\(record.serial.compact).json", mediaType: "application/json",
            description: "电子证书（已签名的可验证凭证）", bytes: Array(record.canonical.utf8))
        let pdf = try await Offload.run { try renderer.render(print, attachment: credential) }
        return [
            "serial": .string(record.serial.description), "fileName": .string("\(record.serial.compact).pdf"),
            "mediaType": "application/pdf", "pdf": .string(pdf.base64EncodedString()),
        ]
    }
}

/// A stored certificate document that lacks what the printed certificate shows.
struct UnprintableCertificate: Error, CustomStringConvertible {
    let serial: CertificateSerial
    var description: String { "the stored certificate \(serial) cannot be read for printing" }
}
