import Glibc
import Systemd
import Testing

extension ProcessStateTests {
    /// A datagram socket standing in for systemd's notify socket, and `NOTIFY_SOCKET`
    /// pointing at it while `body` runs; returns what arrived.
    private func notifications(
        unsetEnvironment: Bool = false,
        _ body: (Notifier) throws -> Void
    ) throws -> [String] {
        let directory = try TemporaryDirectory()
        let path = directory.file("notify")
        let socket = try Sockets.bound(SOCK_DGRAM, at: path)
        defer { close(socket) }
        try withEnvironment(["NOTIFY_SOCKET": path]) {
            try body(Notifier(unsetEnvironment: unsetEnvironment))
        }
        return Sockets.pendingDatagrams(on: socket)
    }

    @Test func lifecycleNotificationsArriveAsSystemdReadsThem() throws {
        var outcomes: [Notifier.Outcome] = []
        let received = try notifications { notifier in
            outcomes.append(notifier.ready())
            outcomes.append(notifier.status("serving 3 connections"))
            outcomes.append(notifier.watchdog())
            outcomes.append(notifier.stopping())
        }
        #expect(received == ["READY=1", "STATUS=serving 3 connections", "WATCHDOG=1", "STOPPING=1"])
        #expect(outcomes == [.sent, .sent, .sent, .sent])
    }

    @Test func statusTravelsWithReadinessAndStopping() throws {
        let received = try notifications { notifier in
            notifier.ready(status: "store open, migrations ran")
            notifier.stopping(status: "draining 2 requests")
        }
        #expect(received == [
            "READY=1\nSTATUS=store open, migrations ran",
            "STOPPING=1\nSTATUS=draining 2 requests",
        ])
    }

    @Test func newlinesInStatusCannotInjectAssignments() throws {
        let received = try notifications { notifier in
            notifier.status("loading\nREADY=1")
        }
        #expect(received == ["STATUS=loading READY=1"])
    }

    @Test func mainPIDTimeoutAndRawAssignments() throws {
        let received = try notifications { notifier in
            notifier.mainPID(4242)
            notifier.extendTimeout(by: .seconds(90))
            notifier.send("ERRNO=5\nBUSERROR=x")
        }
        #expect(received == ["MAINPID=4242", "EXTEND_TIMEOUT_USEC=90000000", "ERRNO=5\nBUSERROR=x"])
    }

    @Test func reloadingCarriesTheMonotonicClock() throws {
        var before = timespec()
        clock_gettime(CLOCK_MONOTONIC, &before)
        let received = try notifications { notifier in notifier.reloading() }
        var after = timespec()
        clock_gettime(CLOCK_MONOTONIC, &after)

        let message = try #require(received.first)
        #expect(received.count == 1)
        #expect(message.hasPrefix("RELOADING=1\nMONOTONIC_USEC="))
        let stamp = try #require(UInt64(message.dropFirst("RELOADING=1\nMONOTONIC_USEC=".count)))
        let low = UInt64(before.tv_sec) * 1_000_000 + UInt64(before.tv_nsec) / 1_000
        let high = UInt64(after.tv_sec) * 1_000_000 + UInt64(after.tv_nsec) / 1_000
        #expect((low...high).contains(stamp))
    }

    @Test func withoutNotifySocketNothingIsSentAndNothingFails() {
        let outcomes = withEnvironment(["NOTIFY_SOCKET": nil]) {
            let notifier = Notifier()
            return [notifier.ready(), notifier.status("x"), notifier.watchdog(), notifier.stopping()]
        }
        #expect(outcomes == [.notConfigured, .notConfigured, .notConfigured, .notConfigured])
        #expect(!withEnvironment(["NOTIFY_SOCKET": nil]) { Notifier.isConfigured })
    }

    @Test func unreachableNotifySocketIsReportedNotThrown() throws {
        let directory = try TemporaryDirectory()
        let outcome = withEnvironment(["NOTIFY_SOCKET": directory.file("nobody-listens")]) {
            Notifier().ready()
        }
        #expect(outcome == .failed(errno: ENOENT))
    }

    @Test func unsetEnvironmentSendsOnceThenForgetsTheSocket() throws {
        var stillSet = true
        let received = try notifications(unsetEnvironment: true) { notifier in
            notifier.ready()
            stillSet = Notifier.isConfigured
            #expect(notifier.status("after") == .notConfigured)
        }
        #expect(received == ["READY=1"])
        #expect(!stillSet)
    }
}
