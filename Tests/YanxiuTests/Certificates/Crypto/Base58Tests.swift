import Testing
@testable import Yanxiu

@Suite("Base58, multibase and multicodec")
struct Base58Tests {
    @Test("known Base58 vectors", arguments: [
        (Array("Hello World!".utf8), "2NEpo7TZRRrLZSi2U"),
        (Array("The quick brown fox jumps over the lazy dog.".utf8),
         "USm3fpXnKG5EUBx2ndxBDMPVciP5hGey2Jh4NDv6gmeo1LkMeiKrLJUUBk6Z"),
        ([0x00, 0x00, 0x28, 0x7F, 0xB4, 0xCD], "11233QC4"),
        ([], ""),
        ([0x00], "1"),
        ([0x00, 0x00, 0x01], "112"),
        ([0x39], "z"),
        ([0x3A], "21"),
    ] as [([UInt8], String)])
    func knownVectors(bytes: [UInt8], text: String) throws {
        #expect(Base58.encode(bytes) == text)
        #expect(try Base58.decode(text) == bytes)
    }

    @Test("random byte strings survive a round trip, leading zeros included")
    func roundTrips() throws {
        var generator = CertificateTestRNG(seed: 58)
        for length in 0..<80 {
            for zeros in [0, 1, 3] {
                var bytes = [UInt8](repeating: 0, count: zeros)
                for _ in 0..<length { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
                let text = Base58.encode(bytes)
                #expect(try Base58.decode(text) == bytes, "\(bytes)")
                #expect(text.allSatisfy { Base58.alphabet.contains($0.asciiValue ?? 0) })
            }
        }
    }

    @Test("characters outside the alphabet are refused", arguments: ["0", "O", "I", "l", "+", "é", "2N Ep"])
    func invalidCharacters(text: String) {
        #expect(throws: Base58.DecodingError.self) { try Base58.decode(text) }
    }

    @Test("multibase base58-btc carries a z prefix and only that is understood")
    func multibase() throws {
        #expect(Multibase.encodeBase58BTC(Array("Hello World!".utf8)) == "z2NEpo7TZRRrLZSi2U")
        #expect(try Multibase.decode("z2NEpo7TZRRrLZSi2U") == Array("Hello World!".utf8))
        #expect(throws: Multibase.DecodingError.unsupportedEncoding("m")) { try Multibase.decode("mSGVsbG8=") }
        #expect(throws: Multibase.DecodingError.empty) { try Multibase.decode("") }
    }

    @Test("multicodec prefixes of Ed25519 keys")
    func multicodec() throws {
        #expect(Multicodec.ed25519Public.prefix == [0xED, 0x01])
        #expect(Multicodec.ed25519Private.prefix == [0x80, 0x26])
        let key = [UInt8](repeating: 7, count: 32)
        #expect(try Multicodec.ed25519Public.untag(Multicodec.ed25519Public.tag(key), length: 32) == key)
        #expect(throws: Multicodec.DecodingError.wrongPrefix(expected: .ed25519Public)) {
            try Multicodec.ed25519Public.untag(Multicodec.ed25519Private.tag(key), length: 32)
        }
        #expect(throws: Multicodec.DecodingError.wrongLength(expected: 32, actual: 31)) {
            try Multicodec.ed25519Public.untag(Multicodec.ed25519Public.tag(key.dropLast()), length: 32)
        }
    }
}
