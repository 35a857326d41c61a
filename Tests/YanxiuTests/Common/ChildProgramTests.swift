import Foundation
import Testing
@testable import Yanxiu

@Suite("Running a gateway program")
struct ChildProgramTests {
    private func scratchFile() -> String {
        NSTemporaryDirectory() + "yanxiu-child-\(UUID().uuidString)"
    }

    @Test("the exit status is reported as the program left it")
    func exitStatus() throws {
        #expect(try ChildProgram(path: "/bin/true", arguments: []).run(timeoutSeconds: 10) == .exited(0))
        #expect(try ChildProgram(path: "/bin/sh", arguments: ["-c", "exit 7"]).run(timeoutSeconds: 10) == .exited(7))
    }

    @Test("a program killed by a signal is reported with that signal")
    func killedBySignal() throws {
        #expect(try ChildProgram(path: "/bin/sh", arguments: ["-c", "kill -TERM $$"]).run(timeoutSeconds: 10) == .killedBySignal(SIGTERM))
    }

    @Test("a program that cannot be started is an error with the reason")
    func cannotStart() {
        #expect(throws: ChildProgram.CannotStart(errno: ENOENT)) {
            try ChildProgram(path: "/nonexistent/gateway", arguments: []).run(timeoutSeconds: 10)
        }
    }

    @Test("the program inherits the daemon's environment (a gateway is configured through it)")
    func environmentInherited() throws {
        let name = "YANXIU_CHILD_PROBE"
        let value = UUID().uuidString
        setenv(name, value, 1)
        let script = #"test "$(printenv "$1")" = "$2""#
        #expect(try ChildProgram(path: "/bin/sh", arguments: ["-c", script, "sh", name, value]).run(timeoutSeconds: 10) == .exited(0))
        #expect(try ChildProgram(path: "/bin/sh", arguments: ["-c", script, "sh", name, "other"]).run(timeoutSeconds: 10) == .exited(1))
    }

    @Test("arguments reach the program verbatim: a message is never run as a command")
    func argumentsVerbatim() throws {
        let output = scratchFile()
        let marker = scratchFile()
        defer { try? FileManager.default.removeItem(atPath: output); try? FileManager.default.removeItem(atPath: marker) }
        let message = "您的验证码 123456; $(touch \(marker)) `touch \(marker)` \"'"
        let ending = try ChildProgram(path: "/bin/sh", arguments: ["-c", #"printf '%s' "$1" > "$2""#, "sh", message, output]).run(timeoutSeconds: 10)
        #expect(ending == .exited(0))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == message)
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("input reaches the program's standard input whole and ends there")
    func standardInput() throws {
        let output = scratchFile()
        defer { try? FileManager.default.removeItem(atPath: output) }
        let message = "【研修】您的验证码 654321\n第二行"
        let ending = try ChildProgram(path: "/bin/sh", arguments: ["-c", #"cat > "$1""#, "sh", output], input: Array(message.utf8)).run(timeoutSeconds: 10)
        #expect(ending == .exited(0))
        #expect(try String(contentsOfFile: output, encoding: .utf8) == message)
    }

    @Test("a program that exits without reading its input ends normally (no SIGPIPE for the caller)")
    func unreadInput() throws {
        let input = [UInt8](repeating: 0x41, count: 100_000)
        #expect(try ChildProgram(path: "/bin/true", arguments: [], input: input).run(timeoutSeconds: 10) == .exited(0))
        #expect(try ChildProgram(path: "/bin/sh", arguments: ["-c", "exit 3"], input: input).run(timeoutSeconds: 10) == .exited(3))
    }

    @Test("a program that never reads an input larger than the socket holds is still ended at its time limit")
    func unreadLargeInput() throws {
        let input = [UInt8](repeating: 0x41, count: 8 << 20)
        #expect(try ChildProgram(path: "/bin/sleep", arguments: ["60"], input: input).run(timeoutSeconds: 0.3) == .timedOut)
    }

    @Test("a program over its time is killed with what it started, and the call returns")
    func timeout() throws {
        let pidFile = scratchFile()
        defer { try? FileManager.default.removeItem(atPath: pidFile) }
        // The shell starts a grandchild and records its pid; both must be gone afterwards.
        let script = #"sleep 60 & echo $! > "$1"; wait"#
        let ending = try ChildProgram(path: "/bin/sh", arguments: ["-c", script, "sh", pidFile]).run(timeoutSeconds: 0.3)
        #expect(ending == .timedOut)
        let grandchild = try #require(Int32(try String(contentsOfFile: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        // The killed grandchild is reparented and reaped by init; give that a moment.
        var alive = true
        for _ in 0..<100 where alive {
            alive = kill(grandchild, 0) == 0 && !isZombie(grandchild)
            if alive { usleep(20_000) }
        }
        #expect(!alive, "the gateway's child \(grandchild) survived the timeout")
    }

    @Test("the program inherits no descriptor of the daemon beyond its three standard streams")
    func descriptorsClosed() throws {
        let listing = scratchFile()
        defer { try? FileManager.default.removeItem(atPath: listing) }
        // A descriptor opened without close-on-exec, as a library might leave one.
        let open = Glibc.open("/dev/null", O_RDONLY)
        #expect(open > 2)
        defer { close(open) }
        let ending = try ChildProgram(path: "/bin/sh", arguments: ["-c", #"ls /proc/$$/fd > "$1""#, "sh", listing]).run(timeoutSeconds: 10)
        #expect(ending == .exited(0))
        let descriptors = try String(contentsOfFile: listing, encoding: .utf8).split(separator: "\n").compactMap { Int32($0) }
        #expect(descriptors.contains(0) && descriptors.contains(2))
        #expect(!descriptors.contains(open), "descriptor \(open) leaked into the program: \(descriptors)")
    }

    @Test("wait statuses decode as the C macros do")
    func waitStatus() {
        #expect(ChildProgram.ending(0) == .exited(0))
        #expect(ChildProgram.ending(3 << 8) == .exited(3))
        #expect(ChildProgram.ending(255 << 8) == .exited(255))
        #expect(ChildProgram.ending(9) == .killedBySignal(9))
        #expect(ChildProgram.ending(15 | 0x80) == .killedBySignal(15))
    }

    private func isZombie(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return false }
        return stat[stat.index(close, offsetBy: 2)] == "Z"
    }
}
