/// Decides which peers are operators from their `SO_PEERCRED` uid and gid: root, the
/// configured uids, and the members of the configured groups (by primary gid, or listed as
/// members of the group).
///
/// The overflow id 65534 (`nobody`/`nogroup`) never counts: it is what the kernel reports for
/// a peer whose real id has no mapping in the reader's user namespace, so it stands for any
/// user at all.
struct OperatorPolicy: Sendable, Equatable {
    /// The kernel's default overflow uid and gid (/proc/sys/kernel/overflowuid, overflowgid).
    static let overflowID: UInt32 = 65534

    let uids: Set<UInt32>
    let gids: Set<UInt32>
    /// Users listed as members of an operator group (their primary group may differ).
    let memberUIDs: Set<UInt32>

    init(uids: Set<UInt32>, gids: Set<UInt32>, memberUIDs: Set<UInt32>) {
        self.uids = uids
        self.gids = gids
        self.memberUIDs = memberUIDs
    }

    func isOperator(uid: UInt32, gid: UInt32) -> Bool {
        guard uid != Self.overflowID else { return false }
        if uid == 0 || uids.contains(uid) || memberUIDs.contains(uid) { return true }
        return gid != Self.overflowID && gids.contains(gid)
    }
}
