import Foundation
import JSONValues

extension DataIntegrityProof {
    /// The proof options a signer chooses: who signs, when, and for what purpose.
    public struct Options: Sendable, Hashable {
        /// The URL of the key that signs, e.g. `did:key:z6Mk…#z6Mk…`.
        public var verificationMethod: String
        /// An XML Schema dateTimeStamp, or nil to leave `created` out.
        public var created: String?
        public var proofPurpose: String

        /// Options with `created` as whole UTC seconds (`2023-02-24T23:36:38Z`).
        public init(verificationMethod: String, created: Date?, proofPurpose: String = DataIntegrityProof.assertionMethod) {
            self.verificationMethod = verificationMethod
            self.created = created.map(XSDDateTimeStamp.string(from:))
            self.proofPurpose = proofPurpose
        }

        /// Options with `created` given as text, which signing checks is a dateTimeStamp.
        public init(verificationMethod: String, createdTimestamp: String?, proofPurpose: String = DataIntegrityProof.assertionMethod) {
            self.verificationMethod = verificationMethod
            self.created = createdTimestamp
            self.proofPurpose = proofPurpose
        }

        /// The proof object before `@context` and `proofValue`; member order follows the
        /// specification's examples (order does not matter to the hash, only to readers).
        var proofObject: JSONObject {
            var proof = JSONObject()
            proof.append("type", .string(DataIntegrityProof.proofType))
            proof.append("cryptosuite", .string(DataIntegrityProof.cryptosuite))
            if let created { proof.append("created", .string(created)) }
            proof.append("verificationMethod", .string(verificationMethod))
            proof.append("proofPurpose", .string(proofPurpose))
            return proof
        }
    }
}
