import Glibc
import Systemd
import Testing

extension ProcessStateTests {
    @Test func oneListeningUnixSocketIsAdoptedWithItsName() async throws {
        let directory = try TemporaryDirectory()
        let socket = try Sockets.listening(at: directory.file("yanxiud.sock"))
        defer { close(socket) }

        let report = try await ActivatedChild.run(passing: [socket], names: "yanxiud.socket", in: directory)

        #expect(report["descriptors"] == "3:yanxiud.socket")
        #expect(report["any"] == "3:yanxiud.socket")
        #expect(report["unix"] == "3:yanxiud.socket")
        #expect(report["environment"] == "unset", "LISTEN_* must not leak to the daemon's children")
    }

    @Test func datagramSocketIsRefusedSayingWhatWasPassed() async throws {
        let directory = try TemporaryDirectory()
        let socket = try Sockets.bound(SOCK_DGRAM, at: directory.file("dgram.sock"))
        defer { close(socket) }

        let report = try await ActivatedChild.run(passing: [socket], names: "yanxiud.socket", in: directory)

        #expect(report["descriptors"] == "3:yanxiud.socket")
        #expect(
            report["any-error"]
                == "socket activation passed fd 3 \"yanxiud.socket\" (datagram socket, AF_UNIX), expected one listening stream socket"
        )
        #expect(
            report["unix-error"]
                == "socket activation passed fd 3 \"yanxiud.socket\" (datagram socket, AF_UNIX), expected one listening AF_UNIX stream socket"
        )
    }

    @Test func twoDescriptorsAreRefusedListingBoth() async throws {
        let directory = try TemporaryDirectory()
        let stream = try Sockets.listening(at: directory.file("a.sock"))
        defer { close(stream) }
        let datagram = try Sockets.bound(SOCK_DGRAM, at: directory.file("b.sock"))
        defer { close(datagram) }

        let report = try await ActivatedChild.run(passing: [stream, datagram], names: "a:b", in: directory)

        #expect(report["descriptors"] == "3:a,4:b")
        #expect(
            report["any-error"]
                == "socket activation passed 2 file descriptors, expected one listening stream socket: fd 3 \"a\" (listening stream socket, AF_UNIX), fd 4 \"b\" (datagram socket, AF_UNIX)"
        )
    }

    @Test func streamSocketThatIsNotListeningIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let socket = try Sockets.bound(SOCK_STREAM, at: directory.file("idle.sock"))
        defer { close(socket) }

        // No LISTEN_FDNAMES: systemd then names every descriptor "unknown".
        let report = try await ActivatedChild.run(passing: [socket], names: nil, in: directory)

        #expect(report["descriptors"] == "3:unknown")
        #expect(
            report["any-error"]
                == "socket activation passed fd 3 \"unknown\" (stream socket, AF_UNIX), expected one listening stream socket"
        )
    }

    @Test func tcpSocketIsAcceptedOnlyWhenAnyFamilyWill() async throws {
        let directory = try TemporaryDirectory()
        let socket = try Sockets.listeningTCP()
        defer { close(socket) }

        let report = try await ActivatedChild.run(passing: [socket], names: "web", in: directory)

        #expect(report["any"] == "3:web")
        #expect(
            report["unix-error"]
                == "socket activation passed fd 3 \"web\" (listening stream socket, AF_INET), expected one listening AF_UNIX stream socket"
        )
    }

    @Test func regularFileIsRefused() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.file("plain")
        try writeFile(path, "not a socket")
        let file = open(path, O_RDONLY | O_CLOEXEC)
        try #require(file >= 0)
        defer { close(file) }

        let report = try await ActivatedChild.run(passing: [file], names: "conf", in: directory)

        #expect(
            report["any-error"]
                == "socket activation passed fd 3 \"conf\" (regular file), expected one listening stream socket"
        )
    }

    @Test func namesThatDoNotMatchTheCountAreAnError() async throws {
        let directory = try TemporaryDirectory()
        let socket = try Sockets.listening(at: directory.file("yanxiud.sock"))
        defer { close(socket) }

        let report = try await ActivatedChild.run(passing: [socket], names: "one:two", in: directory)

        #expect(report["receive-error"] == "sd_listen_fds_with_names failed: Invalid argument (errno \(EINVAL))")
    }

    @Test func nothingPassedIsNoSocketAndNoError() throws {
        let received = try withEnvironment(["LISTEN_FDS": nil, "LISTEN_PID": nil, "LISTEN_FDNAMES": nil]) {
            try ListenFDs.receive()
        }
        #expect(received.descriptors.isEmpty)
        #expect(try received.singleStreamSocket() == nil)
    }

    @Test func descriptorsMeantForAnotherProcessAreIgnoredAndForgotten() throws {
        // A parent's activation variables inherited by a child: LISTEN_PID is not ours.
        // libsystemd answers before it touches any fd, so this is safe in-process.
        let (received, leftOver) = try withEnvironment(
            ["LISTEN_FDS": "1", "LISTEN_PID": "\(getpid() + 1)", "LISTEN_FDNAMES": "other"]
        ) {
            let received = try ListenFDs.receive(unsetEnvironment: true)
            return (received, ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"].filter { environmentValue($0) != nil })
        }
        #expect(received.descriptors.isEmpty)
        #expect(leftOver.isEmpty)
    }

    @Test func malformedCountIsAnError() throws {
        // LISTEN_FDS is parsed before any fd is touched, so this too is safe in-process.
        #expect(throws: SystemdError(operation: "sd_listen_fds_with_names", code: EINVAL)) {
            try withEnvironment(["LISTEN_FDS": "many", "LISTEN_PID": "\(getpid())", "LISTEN_FDNAMES": nil]) {
                try ListenFDs.receive(unsetEnvironment: false)
            }
        }
    }
}
