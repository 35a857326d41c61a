import CSpawn
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program directly (no shell) with `posix_spawn`, and waits for it with a time limit.
///
/// Foundation's `Process.run()` on Linux reads past a directory buffer while it closes
/// descriptors (swift-corelibs-foundation pull request 5472) and can crash the process
/// that calls it; here the C library closes them in the child instead. The child gets
/// `/dev/null` for its standard output and error, `input` (or nothing) on its standard input,
/// default signal handling, an empty signal mask and its own process group, so a timeout
/// ends it and anything it started.
///
/// `input` travels through a socket pair rather than the command line, which every local
/// user can read in `/proc/PID/cmdline`; a socket, unlike a pipe, takes `MSG_NOSIGNAL`, so a
/// child that exits without reading cannot kill the daemon with SIGPIPE.
struct ChildProgram {
    enum Ending: Equatable, Sendable {
        case exited(Int32)
        case killedBySignal(Int32)
        case timedOut
        /// Its status was taken by someone else (the process reaps children elsewhere).
        case vanished
    }

    struct CannotStart: Error, Equatable {
        let errno: Int32
        var description: String { String(cString: strerror(errno)) }
    }

    let path: String
    let arguments: [String]
    /// What the child reads on its standard input (small: what does not fit the socket's buffer is dropped).
    var input: [UInt8] = []

    func run(timeoutSeconds: Double) throws(CannotStart) -> Ending {
        var ends: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0, &ends) == 0 else {
            throw CannotStart(errno: errno)
        }
        let pid: pid_t
        do {
            pid = try spawn(stdin: ends[1])
        } catch {
            close(ends[0])
            close(ends[1])
            throw error
        }
        close(ends[1])
        feed(ends[0])
        return wait(for: pid, until: DispatchTime.now().uptimeNanoseconds + UInt64(max(timeoutSeconds, 0) * 1e9))
    }

    /// Writes `input` and ends it; a child that closed its end early simply misses the rest. The
    /// socket does not block, so a child that never reads cannot hold the caller past its time limit.
    private func feed(_ descriptor: Int32) {
        defer { close(descriptor) }
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var offset = 0
        while offset < input.count {
            let sent = input[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if sent < 0, errno == EINTR { continue }
            guard sent > 0 else { return }
            offset += sent
        }
        shutdown(descriptor, Int32(SHUT_WR))
    }

    private func spawn(stdin: Int32) throws(CannotStart) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclosefrom_np(&actions, 3)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigfillset(&defaults)
        sigdelset(&defaults, SIGKILL)
        sigdelset(&defaults, SIGSTOP)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))

        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
        guard status == 0 else { throw CannotStart(errno: status) }
        return pid
    }

    /// Polls for the child's end (there is no portable wait with a timeout), backing off to 20 ms.
    private func wait(for pid: pid_t, until deadline: UInt64) -> Ending {
        var pause: useconds_t = 500
        while true {
            var status: Int32 = 0
            let reaped = waitpid(pid, &status, WNOHANG)
            if reaped == pid { return Self.ending(status) }
            if reaped == -1, errno != EINTR { return .vanished }
            if DispatchTime.now().uptimeNanoseconds >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1, errno == EINTR {}
                return .timedOut
            }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Decodes a wait status (WIFEXITED, WEXITSTATUS and WTERMSIG are macros Swift cannot import).
    static func ending(_ status: Int32) -> Ending {
        let signal = status & 0x7F
        return signal == 0 ? .exited((status >> 8) & 0xFF) : .killedBySignal(signal)
    }
}
