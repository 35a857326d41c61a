import JSONValues

/// Checks a certificate from the document alone, as anyone can without the daemon: the
/// proof verifies with the key its did:key carries, and that key is the issuer's.
///
/// This proves the document is unchanged since the holder of that key signed it; whether
/// the key is the platform's is for the reader to compare with the published DID, and
/// revocation only the daemon knows.
public struct OfflineCertificateCheck: Sendable {
    public var valid: Bool
    /// `signature.invalid`, `issuer.mismatch` or `document.malformed`; nil when valid.
    public var reason: String?
    public var detail: String?
    public var issuerDID: String?
    public var issuerName: String?
    public var serial: CertificateSerial?
    public var subject: CertificateSubject?

    public init(_ document: JSONValue) {
        valid = false
        issuerDID = document["issuer"]?["id"]?.stringValue
        issuerName = document["issuer"]?["name"]?.stringValue
        serial = CertificateDocument.serial(of: document)
        subject = CertificateDocument.subject(of: document)
        let types = document["type"]?.arrayValue ?? []
        guard types.contains("VerifiableCredential"), types.contains(.string(CertificateDocument.certificateType)), serial != nil else {
            reason = "document.malformed"
            detail = "not a certificate of this programme"
            return
        }
        let proof = DataIntegrityProof.verify(document, keys: .didKey)
        switch proof {
        case .invalid(let failure):
            reason = "signature.invalid"
            detail = failure.description
        case .valid(let verified):
            // Anyone can sign with a did:key of their own; the proof counts only if it is the issuer's.
            guard let did = try? DIDKey(verificationMethod: verified.verificationMethod), did.did == issuerDID else {
                reason = "issuer.mismatch"
                detail = "the proof was made with a key other than the issuer's"
                return
            }
            valid = true
        }
    }
}
