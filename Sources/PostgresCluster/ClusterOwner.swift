import Foundation

/// Who owns the cluster's files and runs its server: this process's user, or the `postgres`
/// system user when this process is root (PostgreSQL refuses to run as root).
struct ClusterOwner: Sendable {
    /// The user and group to give the files to, when that is not this process's user.
    let account: (user: String, uid: uid_t, gid: gid_t)?
    let switchUser: (runuser: String, user: String)?

    static func forThisProcess() throws -> ClusterOwner {
        guard geteuid() == 0 else { return ClusterOwner(account: nil, switchUser: nil) }
        let user = "postgres"
        guard let entry = getpwnam(user) else {
            throw PostgresClusterError("running as root, but there is no '\(user)' system user to run PostgreSQL as (install Debian's postgresql package: script/setup)")
        }
        guard let runuser = ExecutableSearch.find("runuser") else {
            throw PostgresClusterError("running as root, but runuser (util-linux) is missing")
        }
        return ClusterOwner(
            account: (user, entry.pointee.pw_uid, entry.pointee.pw_gid),
            switchUser: (runuser, user)
        )
    }

    /// Gives a file or folder this process made to the cluster's owner.
    func take(_ path: String) throws {
        guard let account else { return }
        guard chown(path, account.uid, account.gid) == 0 else {
            throw PostgresClusterError("chown \(path) to \(account.user): \(String(cString: strerror(errno)))")
        }
    }
}
