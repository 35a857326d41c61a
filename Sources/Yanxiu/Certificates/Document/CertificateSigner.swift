import Dispatch
import Crypto
import Foundation
import JSONValues
import Locking

/// Signs certificate documents with the issuer key, many at a time on every core.
public struct CertificateSigner: Sendable {
    /// One certificate to sign: who it is for and what it says.
    public struct Draft: Sendable {
        public var accountID: Int64
        public var serial: CertificateSerial
        public var subject: CertificateSubject
        /// The certificate's revocation bit; nil leaves `credentialStatus` out.
        public var status: CertificateStatusEntry?

        public init(accountID: Int64, serial: CertificateSerial, subject: CertificateSubject, status: CertificateStatusEntry? = nil) {
            self.accountID = accountID
            self.serial = serial
            self.subject = subject
            self.status = status
        }
    }

    /// A signed certificate in its stored form.
    public struct Signed: Sendable {
        public var accountID: Int64
        public var serial: CertificateSerial
        public var status: CertificateStatusEntry?
        /// The secured document in RFC 8785 canonical form: what is stored and compared.
        public var canonical: [UInt8]
    }

    public let key: IssuerKey
    public let issuerName: String

    public init(key: IssuerKey, issuerName: String) {
        self.key = key
        self.issuerName = issuerName
    }

    /// Signs one document; `issuedAt` becomes both `validFrom` and the proof's `created`.
    public func sign(_ draft: Draft, issuedAt: Date) throws -> Signed {
        try sign(draft, validFrom: XSDDateTimeStamp.string(from: issuedAt), options: options(issuedAt), signingKey: key.privateKey)
    }

    /// Signs every draft, spreading the work over the processors. Blocks: call it from
    /// `Offload.run`, never from the cooperative pool.
    public func signAll(_ drafts: [Draft], issuedAt: Date) throws -> [Signed] {
        let validFrom = XSDDateTimeStamp.string(from: issuedAt)
        let options = options(issuedAt)
        let slices = min(max(ProcessInfo.processInfo.activeProcessorCount, 1), max(drafts.count / 64, 1))
        let results = SliceResults(count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in
            let range = (drafts.count * slice / slices)..<(drafts.count * (slice + 1) / slices)
            // Making a key from its seed costs about one signature: once per slice, not per document.
            let signingKey = key.privateKey
            results.set(slice, Result { try range.map { try sign(drafts[$0], validFrom: validFrom, options: options, signingKey: signingKey) } })
        }
        return try results.all.flatMap { try $0.get() }
    }

    private func options(_ issuedAt: Date) -> DataIntegrityProof.Options {
        DataIntegrityProof.Options(verificationMethod: key.verificationMethod, created: issuedAt)
    }

    private func sign(
        _ draft: Draft, validFrom: String, options: DataIntegrityProof.Options, signingKey: Curve25519.Signing.PrivateKey
    ) throws -> Signed {
        let document = CertificateDocument.unsigned(
            subject: draft.subject, serial: draft.serial, issuerDID: key.did.did, issuerName: issuerName, validFrom: validFrom,
            status: draft.status)
        let secured = try DataIntegrityProof.sign(document, options: options, signingKey: signingKey)
        return Signed(
            accountID: draft.accountID, serial: draft.serial, status: draft.status, canonical: try JSONCanonicalizer.canonicalize(secured))
    }
}

/// Per-slice results of a `concurrentPerform`; each slice stores its own once.
private final class SliceResults: Sendable {
    private let slots: Locked<[Result<[CertificateSigner.Signed], any Error>?]>

    init(count: Int) { slots = Locked(Array(repeating: nil, count: count)) }

    func set(_ index: Int, _ result: Result<[CertificateSigner.Signed], any Error>) {
        slots.withLock { $0[index] = result }
    }

    var all: [Result<[CertificateSigner.Signed], any Error>] { slots.withLock { $0.map { $0! } } }
}
