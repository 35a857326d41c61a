import Testing
@testable import Yanxiu

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
