import Glibc
import Systemd
import Testing

@Suite struct ListenFDsErrorTests {
    @Test func socketsAreDescribedByTypeFamilyAndListening() throws {
        let directory = try TemporaryDirectory()
        let listening = try Sockets.listening(at: directory.file("l"))
        defer { close(listening) }
        let datagram = try Sockets.bound(SOCK_DGRAM, at: directory.file("d"))
        defer { close(datagram) }
        let tcp = try Sockets.listeningTCP()
        defer { close(tcp) }

        #expect(FileDescriptorKind.describe(listening) == "listening stream socket, AF_UNIX")
        #expect(FileDescriptorKind.describe(datagram) == "datagram socket, AF_UNIX")
        #expect(FileDescriptorKind.describe(tcp) == "listening stream socket, AF_INET")
    }

    @Test func nonSocketsAreNamedToo() throws {
        let pipe = try makePipe()
        defer { close(pipe.read); close(pipe.write) }
        #expect(FileDescriptorKind.describe(pipe.read) == "FIFO")
        let devNull = open("/dev/null", O_RDONLY | O_CLOEXEC)
        defer { close(devNull) }
        #expect(FileDescriptorKind.describe(devNull) == "character device")
        #expect(FileDescriptorKind.describe(-1) == "not open: Bad file descriptor")
    }

    @Test func emptyListHasNoSocketWithoutTouchingAnyDescriptor() throws {
        #expect(try ListenFDs(descriptors: []).singleStreamSocket() == nil)
    }

    @Test func tooManyIsReportedWithoutInspectingTheirUse() throws {
        // Descriptors that are not open in this process still get a clear message. Numbers at
        // the descriptor limit can never be open (tests running beside this one open many).
        let limit = Int32(sysconf(Int32(_SC_OPEN_MAX)))
        let error = #expect(throws: ListenFDsError.self) {
            try ListenFDs(descriptors: [.init(fd: limit, name: "a"), .init(fd: limit + 1, name: "b")]).singleStreamSocket()
        }
        #expect(error?.reason == .tooMany)
        #expect(error?.passed.map(\.fd) == [limit, limit + 1])
        #expect(error?.description.hasPrefix("socket activation passed 2 file descriptors, expected one listening stream socket: fd \(limit) \"a\" (not open") == true)
    }
}
