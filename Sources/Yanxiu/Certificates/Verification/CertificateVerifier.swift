import JSONValues

/// Checks certificates against the issuer keys, the issued record and revocations.
///
/// The checks are pure (`verdict`); `verify` looks the issued record up in the store first.
/// Run it inside a store read: the signature check is CPU work that belongs on the store's
/// Dispatch queues, never on the cooperative pool.
public struct CertificateVerifier: Sendable {
    public let keys: VerificationKeyResolver

    public init(keyring: IssuerKeyring) { keys = keyring.resolver }

    /// A certificate by its serial: issued, not revoked, and its stored proof still verifies.
    public func verify(_ certificates: any CertificatesStore, serial: CertificateSerial) throws -> CertificateVerdict {
        verdict(serial: serial, record: try certificates.certificate(serial: serial))
    }

    /// A whole document as someone presents it, checked against what was issued under its serial.
    public func verify(_ certificates: any CertificatesStore, document: JSONValue) throws -> CertificateVerdict {
        let record = try CertificateDocument.serial(of: document).flatMap { try certificates.certificate(serial: $0) }
        return verdict(document: document, record: record)
    }

    /// The verdict on `serial`, given its issued record (nil when none was issued).
    public func verdict(serial: CertificateSerial, record: CertificateRecord?) -> CertificateVerdict {
        guard let record else {
            return CertificateVerdict(failure: .unknown, serial: serial)
        }
        // The row could have been edited behind the daemon's back; the signature says whether it was.
        let proof = DataIntegrityProof.verify(record.document, keys: keys)
        if let failure = proof.failure {
            return CertificateVerdict(failure: .signatureInvalid, serial: serial, record: record, detail: failure.reason)
        }
        return CertificateVerdict(failure: record.revocation == nil ? nil : .revoked, serial: serial, record: record)
    }

    /// The verdict on a presented document, given the record issued under the serial it claims.
    ///
    /// Its proof must verify with one of our keys, and its canonical form must equal the one
    /// issued under its serial. A document whose proof fails but whose serial is ours is
    /// reported as altered when its content differs from what was issued: that is what
    /// happened to it, and more useful to the reader than a bad signature.
    public func verdict(document: JSONValue, record: CertificateRecord?) -> CertificateVerdict {
        let serial = CertificateDocument.serial(of: document)
        let proof = DataIntegrityProof.verify(document, keys: keys)
        if let failure = proof.failure {
            if let record, !sameContent(document, record.document) {
                return CertificateVerdict(failure: .altered, serial: serial, record: record, detail: failure.reason)
            }
            return CertificateVerdict(failure: .signatureInvalid, serial: serial, record: record, detail: failure.reason)
        }
        guard let serial, let record else {
            // Signed with our key, yet not in our records (a database restored from an old backup?).
            return CertificateVerdict(failure: .unknown, serial: serial)
        }
        guard let presented = try? JSONCanonicalizer.canonicalize(document), presented.elementsEqual(record.canonical.utf8) else {
            return CertificateVerdict(failure: .altered, serial: serial, record: record)
        }
        return CertificateVerdict(failure: record.revocation == nil ? nil : .revoked, serial: serial, record: record)
    }

    /// Whether two documents say the same apart from their proofs.
    private func sameContent(_ presented: JSONValue, _ issued: JSONValue) -> Bool {
        let a = try? JSONCanonicalizer.canonicalize(CertificateDocument.withoutProof(presented))
        let b = try? JSONCanonicalizer.canonicalize(CertificateDocument.withoutProof(issued))
        return a != nil && a == b
    }
}
