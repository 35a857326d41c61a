import Testing
@testable import Yanxiu

/// Serials from a counter through a keyed permutation: distinct, and unrelated-looking.
@Suite("Serial permutation")
struct SerialPermutationTests {
    @Test("the permutation is undone by its inverse", arguments: [0 as UInt64, 1, 0xDEAD_BEEF, UInt64.max])
    func inverse(key: UInt64) {
        let permutation = SerialPermutation(key: key)
        for sequence: UInt64 in [0, 1, 2, 1000, 123_456_789, CertificateSerial.maxNumber] {
            let number = permutation.number(forSequence: sequence)
            #expect(number <= CertificateSerial.maxNumber)
            #expect(permutation.sequence(forNumber: number) == sequence)
        }
    }

    /// Serials already issued must never be given again: the same key and counter always give
    /// the same number, in every version of the daemon.
    @Test("known answers: the numbers of databases already in use never change")
    func knownAnswers() {
        #expect(SerialPermutation(key: 7).number(forSequence: 0) == 931_323_295_824)
        #expect(SerialPermutation(key: 7).number(forSequence: 1) == 701_067_797_002)
        #expect(SerialPermutation(key: 0x0123_4567_89AB_CDEF).number(forSequence: 123_456_789) == 839_845_275_342)
        #expect(SerialPermutation(key: .max).number(forSequence: 1 << 39) == 164_754_564_885)
    }

    @Test("200,000 consecutive counters give 200,000 distinct serials")
    func distinct() {
        let permutation = SerialPermutation(key: 0x1234_5678_9ABC_DEF0)
        var seen = Set<UInt64>()
        for sequence in 0..<UInt64(200_000) { seen.insert(permutation.number(forSequence: sequence)) }
        #expect(seen.count == 200_000)
    }

    @Test("neighbouring counters give serials far apart, and keys give different orders")
    func scattered() {
        let permutation = SerialPermutation(key: 7)
        let numbers = (0..<UInt64(100)).map(permutation.number(forSequence:))
        let close = zip(numbers, numbers.dropFirst()).filter { $0 > $1 ? $0 - $1 < 1 << 20 : $1 - $0 < 1 << 20 }
        #expect(close.count <= 2)
        #expect(SerialPermutation(key: 8).number(forSequence: 0) != numbers[0])
    }

    @Test("blocks reserved from the store continue where the last one ended", arguments: TestStores.Engine.allCases)
    func reservationsContinue(engine: TestStores.Engine) async throws {
        let fixture = try await IssuanceFixture(engine)
        defer { fixture.cleanUp() }
        let first = try await fixture.store.write { tx in try SerialAllocator.reserve(tx.certificates, count: 3) }
        let second = try await fixture.store.write { tx in try SerialAllocator.reserve(tx.certificates, count: 2) }
        #expect(Set(first + second).count == 5)
        #expect(try fixture.sql.value("SELECT next_sequence FROM certificate_serial_state") == 5 as Int64)
    }
}
