import Crypto
import Testing
@testable import Yanxiu

@Suite("Ed25519 multikeys and did:key")
struct DIDKeyTests {
    static let publicKeyMultibase = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    static let privateKeyMultibase = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq"

    @Test("the test vector's private key yields its public key")
    func vectorKeyPair() throws {
        let privateKey = try Ed25519Multikey.privateKey(multibase: Self.privateKeyMultibase)
        #expect(Ed25519Multikey.publicKeyMultibase(privateKey.publicKey) == Self.publicKeyMultibase)
        #expect(Ed25519Multikey.privateKeyMultibase(privateKey) == Self.privateKeyMultibase)
        let seed = try Multibase.decode(Self.privateKeyMultibase)
        #expect(seed.count == 34)
        #expect(Array(privateKey.rawRepresentation) == Array(seed.dropFirst(2)))
    }

    @Test("did:key of the test vector's public key")
    func vectorDID() throws {
        let publicKey = try Ed25519Multikey.publicKey(multibase: Self.publicKeyMultibase)
        let did = DIDKey(publicKey: publicKey)
        #expect(did.did == "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")
        #expect(did.verificationMethodID
            == "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2")
        #expect(did.publicKeyBytes == Array(publicKey.rawRepresentation))
    }

    @Test("did:key strings parse back to the key")
    func parse() throws {
        let key = Curve25519.Signing.PrivateKey().publicKey
        let did = DIDKey(publicKey: key)
        #expect(try DIDKey(did.did) == did)
        #expect(try DIDKey(verificationMethod: did.verificationMethodID) == did)
        #expect(try DIDKey(verificationMethod: did.did) == did)
        #expect(try DIDKey(did.did).publicKey.rawRepresentation == key.rawRepresentation)
        #expect(did.did.hasPrefix("did:key:z6Mk"))
    }

    @Test("strings that are not Ed25519 did:keys are refused")
    func refusals() {
        #expect(throws: DIDKey.ParseError.notDIDKey) { try DIDKey("did:web:example.com") }
        #expect(throws: DIDKey.ParseError.self) { try DIDKey("did:key:" + Self.privateKeyMultibase) }
        #expect(throws: DIDKey.ParseError.self) { try DIDKey("did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ") }
        #expect(throws: DIDKey.ParseError.key(.tooLong)) { try DIDKey("did:key:z" + String(repeating: "Z", count: 100_000)) }
        let other = DIDKey(publicKey: Curve25519.Signing.PrivateKey().publicKey)
        #expect(throws: DIDKey.ParseError.fragmentMismatch) {
            try DIDKey(verificationMethod: "did:key:\(Self.publicKeyMultibase)#\(other.multibaseKey)")
        }
    }
}
