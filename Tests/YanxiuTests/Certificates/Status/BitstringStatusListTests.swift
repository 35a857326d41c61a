import Foundation
import Testing
@testable import Yanxiu

/// The W3C Bitstring Status List encoding: bit order, GZIP, multibase base64url, minimum size.
@Suite("Bitstring status lists")
struct BitstringStatusListTests {
    @Test("index 0 is the left-most bit of the first byte; the last index the right-most of the last")
    func bitOrder() {
        var list = BitstringStatusList()
        #expect(list.count == 131_072)
        list[0] = true
        list[9] = true
        list[131_071] = true
        #expect(list.bytes[0] == 0x80 && list.bytes[1] == 0x40 && list.bytes[16_383] == 0x01)
        #expect(list[0] && list[9] && list[131_071] && !list[1] && !list[8])
        list[9] = false
        #expect(list.bytes[1] == 0)
    }

    @Test("encodedList is u + base64url of GZIP, decodes back, and an empty list compresses to well under a kilobyte")
    func roundTrip() throws {
        var list = BitstringStatusList()
        for index in [3, 4_097, 77_777, 131_070] { list[index] = true }
        let encoded = try list.encoded()
        #expect(encoded.hasPrefix("u") && !encoded.contains("=") && !encoded.contains("+") && !encoded.contains("/"))
        let compressed = try #require(Base64URL.decode(String(encoded.dropFirst())))
        #expect(compressed.starts(with: [0x1F, 0x8B]), "a GZIP member")
        #expect(try BitstringStatusList(encoded: encoded) == list)
        #expect(try BitstringStatusList().encoded().count < 400)
        #expect(try list.encoded() == encoded, "the same bits always encode alike")
    }

    @Test("a list shorter than 131,072 entries, a missing prefix and data that is not GZIP are refused")
    func refusals() throws {
        let short = "u" + Base64URL.encode(try Gzip.compress([UInt8](repeating: 0, count: 1024)))
        #expect(throws: BitstringStatusList.DecodingError.tooShort(entries: 8192)) { try BitstringStatusList(encoded: short) }
        let plain = try BitstringStatusList().encoded().dropFirst()
        #expect(throws: BitstringStatusList.DecodingError.notMultibaseBase64URL) { try BitstringStatusList(encoded: "z" + plain) }
        #expect(throws: (any Error).self) { try BitstringStatusList(encoded: "u" + Base64URL.encode(Array("not gzip".utf8))) }
    }

    @Test("base64url encodes and decodes every length, as RFC 4648 §5 without padding")
    func base64url() {
        let bytes: [UInt8] = [0xFB, 0xFF, 0x00, 0x10, 0x83]
        for length in 0...bytes.count {
            let prefix = Array(bytes.prefix(length))
            let expected = Data(prefix).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
            #expect(Base64URL.encode(prefix) == expected)
            #expect(Base64URL.decode(expected) == prefix)
        }
        #expect(Base64URL.decode("a") == nil && Base64URL.decode("ab+c") == nil)
    }

    @Test("list addresses sit beside the verification page, or are URNs when it has no address")
    func addresses() {
        #expect(StatusListAddress(verificationURL: nil).url(forList: 2) == "urn:yanxiu:status-list:2")
        #expect(StatusListAddress(verificationURL: "https://a.example/verify/").url(forList: 1) == "https://a.example/verify/status-1.json")
        #expect(StatusListAddress(verificationURL: "https://a.example/verify/index.html?x=1").url(forList: 3) == "https://a.example/verify/status-3.json")
        #expect(StatusListAddress(verificationURL: "https://a.example").url(forList: 1) == "https://a.example/status-1.json")
    }
}

/// Status list indexes do not follow issue order, yet never collide.
@Suite("Status index permutation")
struct StatusIndexPermutationTests {
    /// Indexes already in issued certificates must keep their meaning in every version.
    @Test("known answers: the indexes of lists already in use never change")
    func knownAnswers() {
        let first = StatusIndexPermutation(key: 42, list: 1)
        let second = StatusIndexPermutation(key: 42, list: 2)
        #expect([0, 1, 131_071].map(first.index(forPosition:)) == [41_817, 79_109, 31_819])
        #expect([0, 1, 131_071].map(second.index(forPosition:)) == [31_653, 47_957, 116_005])
    }

    @Test("every position of a list gets its own index, in an order that differs from list to list and from issue order")
    func bijection() {
        let first = StatusIndexPermutation(key: 0x1234_5678_9ABC_DEF0, list: 1)
        let indexes = (0..<BitstringStatusList.minimumEntries).map(first.index(forPosition:))
        #expect(Set(indexes).count == BitstringStatusList.minimumEntries)
        #expect(indexes.allSatisfy { $0 >= 0 && $0 < BitstringStatusList.minimumEntries })
        let inOrder = zip(indexes, indexes.dropFirst()).filter { $1 == $0 + 1 }.count
        #expect(inOrder < 100, "\(inOrder) neighbours follow each other")
        let second = StatusIndexPermutation(key: 0x1234_5678_9ABC_DEF0, list: 2)
        #expect((0..<1000).filter { first.index(forPosition: $0) == second.index(forPosition: $0) }.count < 10)
    }
}
