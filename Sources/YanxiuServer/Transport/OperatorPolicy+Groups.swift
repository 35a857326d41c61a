import Glibc

extension OperatorPolicy {
    /// The policy for configured uids and group names (or numbers), resolved through the
    /// system's group database once, at start.
    init(uids: [UInt32], groups: [String]) {
        var gids = Set<UInt32>()
        var members = Set<UInt32>()
        for name in groups {
            let group: UnsafeMutablePointer<group>? = UInt32(name).flatMap { getgrgid($0) } ?? getgrnam(name)
            guard let group else { continue }
            gids.insert(group.pointee.gr_gid)
            var member = group.pointee.gr_mem
            while let entry = member?.pointee {
                if let user = getpwnam(entry) { members.insert(user.pointee.pw_uid) }
                member = member?.successor()
            }
        }
        self.init(uids: Set(uids), gids: gids, memberUIDs: members)
    }
}
