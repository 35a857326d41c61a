import Crypto
import Foundation
import JSONValues

/// The signed status list credential of one list, built from the revocations on record:
/// a `BitstringStatusListCredential` whose bit for each revoked certificate is set.
public enum StatusListCredential {
    public struct Built: Sendable {
        public var list: Int64
        public var lists: Int64
        public var revoked: Int
        public var credential: JSONValue
    }

    /// List `list`'s credential signed now with the current key; nil when there is no such list.
    /// Signing is CPU work: run it in a store read (off the cooperative pool), like verification.
    public static func build(_ certificates: any CertificatesStore, list: Int64, keyring: IssuerKeyring, now: Date) throws -> Built? {
        guard let url = try certificates.statusListURL(list) else { return nil }
        var bits = BitstringStatusList()
        let revoked = try certificates.revokedIndexes(inList: list)
        for index in revoked { bits[index] = true }
        let key = keyring.current
        let unsigned: JSONValue = [
            "@context": [.string(CertificateDocument.context)],
            "id": .string(url),
            "type": ["VerifiableCredential", .string(CertificateStatusEntry.listCredentialType)],
            "issuer": ["id": .string(key.did.did), "name": .string(keyring.issuerName)],
            "validFrom": .string(XSDDateTimeStamp.string(from: now)),
            "credentialSubject": [
                "id": .string("\(url)#list"), "type": .string(CertificateStatusEntry.listType),
                "statusPurpose": .string(CertificateStatusEntry.purpose), "encodedList": .string(try bits.encoded()),
            ],
        ]
        let options = DataIntegrityProof.Options(verificationMethod: key.verificationMethod, created: now)
        let signed = try DataIntegrityProof.sign(unsigned, options: options, signingKey: key.privateKey)
        return Built(list: list, lists: try certificates.statusListCount(), revoked: revoked.count, credential: signed)
    }
}
