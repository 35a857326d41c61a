import CSystemd

#if canImport(Glibc)
import Glibc
#endif

/// The file descriptors systemd passed by socket activation (`LISTEN_FDS`), with their names.
public struct ListenFDs: Sendable, Equatable {
    /// One passed descriptor: the fd number and its `FileDescriptorName=` (systemd says
    /// `"unknown"` when the unit gave none).
    public struct Descriptor: Sendable, Hashable {
        public let fd: Int32
        public let name: String

        public init(fd: Int32, name: String) {
            self.fd = fd
            self.name = name
        }
    }

    /// The first passed fd; the others follow without gaps.
    public static let firstDescriptor: Int32 = SD_LISTEN_FDS_START

    /// In fd order, starting at `firstDescriptor`.
    public let descriptors: [Descriptor]

    public init(descriptors: [Descriptor]) {
        self.descriptors = descriptors
    }

    /// Takes the descriptors passed to this process.
    ///
    /// Passing nothing is not an error: a daemon started by hand has no `LISTEN_FDS`, and
    /// libsystemd also answers "none" when `LISTEN_PID` names another process, so a child
    /// never adopts its parent's sockets.
    /// - Parameter unsetEnvironment: removes `LISTEN_FDS`, `LISTEN_PID` and `LISTEN_FDNAMES`
    ///   so processes this daemon spawns do not believe the sockets are theirs.
    /// - Throws: `SystemdError` when the variables are malformed.
    public static func receive(unsetEnvironment: Bool = true) throws -> ListenFDs {
        var names: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        let count = sd_listen_fds_with_names(unsetEnvironment ? 1 : 0, &names)
        // libsystemd hands over a malloc'd, NULL-terminated array of malloc'd strings.
        defer {
            if let names {
                var index = 0
                while let name = names[index] {
                    free(name)
                    index += 1
                }
                free(names)
            }
        }
        guard count >= 0 else {
            throw SystemdError(operation: "sd_listen_fds_with_names", returnValue: count)
        }
        let descriptors = (0..<Int(count)).map { index in
            let name = names?[index].map { String(cString: $0) } ?? "unknown"
            return Descriptor(fd: firstDescriptor + Int32(index), name: name)
        }
        return ListenFDs(descriptors: descriptors)
    }

    /// The one listening stream socket the daemon serves on, or nil when none was passed.
    ///
    /// The descriptors stay open and owned by the caller, also when this throws.
    /// - Parameter family: `AF_UNSPEC` accepts any address family; `AF_UNIX` insists on a
    ///   Unix socket.
    /// - Throws: `ListenFDsError` when more than one descriptor was passed, or the one passed
    ///   is not a listening stream socket of `family`; its description says what was passed.
    public func singleStreamSocket(family: Int32 = AF_UNSPEC) throws -> Descriptor? {
        guard !descriptors.isEmpty else { return nil }
        guard descriptors.count == 1 else {
            throw ListenFDsError(
                reason: .tooMany,
                expectedFamily: family,
                passed: descriptors.map(ListenFDsError.Passed.init(inspecting:))
            )
        }
        let only = descriptors[0]
        let type = Int32(SOCK_STREAM.rawValue)
        guard sd_is_socket(only.fd, family, type, 1) > 0 else {
            throw ListenFDsError(
                reason: .notAListeningStreamSocket,
                expectedFamily: family,
                passed: [ListenFDsError.Passed(inspecting: only)]
            )
        }
        return only
    }
}
