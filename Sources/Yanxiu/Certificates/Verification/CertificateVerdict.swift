/// The answer of `certificate.verify`: valid, or why not, with what the daemon knows of it.
public struct CertificateVerdict: Sendable {
    /// Why a certificate is not valid; the raw values are the wire's stable reasons.
    public enum Failure: String, Sendable {
        /// The proof does not verify against any key the daemon has issued with.
        case signatureInvalid = "signature.invalid"
        /// No certificate with this serial was issued.
        case unknown = "certificate.unknown"
        case revoked = "certificate.revoked"
        /// The document differs from the one issued under its serial.
        case altered = "document.altered"
    }

    public var failure: Failure?
    /// The serial the question named or the document claims, when it is well-formed.
    public var serial: CertificateSerial?
    /// The stored certificate of that serial, when there is one.
    public var record: CertificateRecord?
    /// For `signature.invalid`, what exactly failed (`proof.key_unresolved`, …).
    public var detail: String?

    public var isValid: Bool { failure == nil }
}
