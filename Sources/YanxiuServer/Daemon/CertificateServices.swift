import Yanxiu

/// What the certificate methods share: the keys, issuance, verification and the renderer.
struct CertificateServices: Sendable {
    let keyring: IssuerKeyring
    let issuance: CertificateIssuance
    let verifier: CertificateVerifier
    /// Nil when the configured fonts could not be loaded; rendering then answers 503.
    let renderer: CertificatePDFRenderer?
    /// The public verification page's address, printed on certificates; nil when none.
    let verificationURL: String?
}
