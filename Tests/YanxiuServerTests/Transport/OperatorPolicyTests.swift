@testable import YanxiuServer
import Testing

@Suite("Who is an operator")
struct OperatorPolicyTests {
    static let policy = OperatorPolicy(uids: [1001], gids: [990], memberUIDs: [1003])

    @Test("root, a configured uid, a member by primary group and a listed member are operators")
    func operators() {
        #expect(Self.policy.isOperator(uid: 0, gid: 0))
        #expect(Self.policy.isOperator(uid: 1001, gid: 1001))
        #expect(Self.policy.isOperator(uid: 1002, gid: 990))
        #expect(Self.policy.isOperator(uid: 1003, gid: 1003))
    }

    @Test("anyone else is not")
    func others() {
        #expect(!Self.policy.isOperator(uid: 1004, gid: 1004))
        #expect(!Self.policy.isOperator(uid: 1004, gid: 100))
        #expect(!OperatorPolicy(uids: [], gids: [], memberUIDs: []).isOperator(uid: 1001, gid: 990))
    }

    @Test("the overflow id 65534 never counts, even when configured", arguments: [
        (UInt32(65534), UInt32(65534)), (65534, 990), (65534, 0), (1004, 65534),
    ])
    func overflow(uid: UInt32, gid: UInt32) {
        let configured = OperatorPolicy(uids: [65534, 1001], gids: [65534, 990], memberUIDs: [65534])
        #expect(!configured.isOperator(uid: uid, gid: gid))
    }

    @Test("a configured operator's own uid still counts when the gid is the overflow gid")
    func uidWithOverflowGid() {
        #expect(Self.policy.isOperator(uid: 1001, gid: 65534))
        #expect(Self.policy.isOperator(uid: 0, gid: 65534))
    }
}
