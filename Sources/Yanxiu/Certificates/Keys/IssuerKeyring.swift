/// The key the daemon signs with, and every key it ever signed with, for verification.
public struct IssuerKeyring: Sendable {
    /// The key new certificates are signed with.
    public let current: IssuerKey
    /// Its row in `issuer_key`.
    public let currentKeyID: Int64
    /// The name certificates carry as their issuer's.
    public let issuerName: String
    /// Public keys of the current and every retired key, by verification method.
    public let known: [String: [UInt8]]

    /// Only our own keys, current or retired: a document signed with any other key, even a
    /// valid did:key, was not issued by us.
    public var resolver: VerificationKeyResolver { .known(known) }

    /// Records `key` as the current key (retiring the one before it, if it differs) and
    /// reads back every known key. Runs at start-up.
    public static func register(_ certificates: any CertificatesStore, key: IssuerKey, issuerName: String, now: Int64) throws -> IssuerKeyring {
        // An operator who goes back to an older key makes it current again.
        let id = try certificates.makeCurrentIssuerKey(verificationMethod: key.verificationMethod, publicKey: key.did.publicKeyBytes, now: now)
        return IssuerKeyring(current: key, currentKeyID: id, issuerName: issuerName, known: try certificates.issuerKeys())
    }

    /// The platform's name as the manual gives it.
    public static let defaultIssuerName = "国家中小学智慧教育平台"
}
