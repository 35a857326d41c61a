#if canImport(Glibc)
import Glibc
#endif

/// Socket activation passed something other than the one listening stream socket expected.
public struct ListenFDsError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        case tooMany
        case notAListeningStreamSocket
    }

    /// What one passed descriptor turned out to be, captured when the error was made
    /// because the caller may close the fd before anyone reads the message.
    public struct Passed: Sendable, Hashable {
        public let fd: Int32
        public let name: String
        /// e.g. `listening stream socket, AF_UNIX` or `regular file`.
        public let kind: String

        public init(fd: Int32, name: String, kind: String) {
            self.fd = fd
            self.name = name
            self.kind = kind
        }

        init(inspecting descriptor: ListenFDs.Descriptor) {
            self.init(
                fd: descriptor.fd,
                name: descriptor.name,
                kind: FileDescriptorKind.describe(descriptor.fd)
            )
        }
    }

    public let reason: Reason
    /// The address family asked for; `AF_UNSPEC` for any.
    public let expectedFamily: Int32
    public let passed: [Passed]

    public init(reason: Reason, expectedFamily: Int32, passed: [Passed]) {
        self.reason = reason
        self.expectedFamily = expectedFamily
        self.passed = passed
    }

    public var description: String {
        let wanted = expectedFamily == AF_UNSPEC
            ? "one listening stream socket"
            : "one listening \(FileDescriptorKind.familyName(expectedFamily)) stream socket"
        let list = passed
            .map { "fd \($0.fd) \"\($0.name)\" (\($0.kind))" }
            .joined(separator: ", ")
        switch reason {
        case .tooMany:
            return "socket activation passed \(passed.count) file descriptors, expected \(wanted): \(list)"
        case .notAListeningStreamSocket:
            return "socket activation passed \(list), expected \(wanted)"
        }
    }
}
