import Glibc
import Logging
import Systemd
import Testing

@Suite struct JournalLogHandlerTests {
    @Test func entryHasStandardFieldsThenMappedMetadata() {
        let fields = JournalLogHandler.fields(
            level: .warning,
            message: "slow commit",
            metadata: ["rpc.method": "progress.heartbeat", "peer.uid": .stringConvertible(1000)],
            identifier: "yanxiud",
            label: "yanxiud",
            file: "YanxiuServer/Store.swift",
            function: "commit()",
            line: 42
        )
        #expect(fields == [
            "MESSAGE=slow commit",
            "PRIORITY=4",
            "SYSLOG_IDENTIFIER=yanxiud",
            "CODE_FILE=YanxiuServer/Store.swift",
            "CODE_LINE=42",
            "CODE_FUNC=commit()",
            "PEER_UID=1000",
            "RPC_METHOD=progress.heartbeat",
        ])
    }

    @Test(arguments: [
        (Logger.Level.trace, "PRIORITY=7"),
        (.debug, "PRIORITY=7"),
        (.info, "PRIORITY=6"),
        (.notice, "PRIORITY=5"),
        (.warning, "PRIORITY=4"),
        (.error, "PRIORITY=3"),
        (.critical, "PRIORITY=2"),
    ])
    func levelBecomesSyslogPriority(level: Logger.Level, field: String) {
        let fields = JournalLogHandler.fields(
            level: level, message: "m", metadata: [:], identifier: "yanxiud", label: "yanxiud",
            file: "f", function: "g", line: 1
        )
        #expect(fields[1] == field)
    }

    @Test func nestedAndListValuesAreFlattened() {
        let fields = JournalLogHandler.fields(
            level: .info,
            message: "batch",
            metadata: [
                "rpc": ["method": "system.ping", "id": .stringConvertible(7)],
                "batch.ids": [.stringConvertible(1), "two"],
                "note": "line one\nline two",
            ],
            identifier: "yanxiud",
            label: "yanxiud.transport",
            file: "f",
            function: "g",
            line: 1
        )
        #expect(Array(fields.dropFirst(6)) == [
            "LOGGER_LABEL=yanxiud.transport",
            "BATCH_IDS=[1, two]",
            "NOTE=line one\nline two",
            "RPC_ID=7",
            "RPC_METHOD=system.ping",
        ])
    }

    @Test func metadataCannotReplaceTheMessage() {
        let fields = JournalLogHandler.fields(
            level: .info, message: "real", metadata: ["message": "fake"], identifier: "yanxiud",
            label: "yanxiud", file: "f", function: "g", line: 1
        )
        #expect(fields.filter { $0.hasPrefix("MESSAGE=") } == ["MESSAGE=real"])
        #expect(fields.contains("META_MESSAGE=fake"))
    }

    @Test func sendingAnEntryWithAMultiLineValueSucceeds() throws {
        // Where journald does not run, libsystemd drops the entry and still reports
        // success (sd_journal_print(3): "fail silently"), so this proves the iovecs are
        // well formed and the call returns; the field contents are checked above.
        let fields = JournalLogHandler.fields(
            level: .debug, message: "SystemdTests probe\nsecond line", metadata: ["test.case": "send"],
            identifier: "yanxiud-tests", label: "yanxiud-tests", file: #fileID, function: #function, line: #line
        )
        try Journal.send(fields)
    }

    @Test func emptyEntryIsRefused() {
        #expect(throws: SystemdError(operation: "sd_journal_sendv", code: EINVAL)) {
            try Journal.send([])
        }
    }

    @Test func handlerFollowsTheSharedLevelUntilALoggerSetsItsOwn() {
        let shared = SharedLogLevel(.info)
        let factory = LoggingSystemSetup.makeFactory(identifier: "yanxiud", destination: .journal, level: shared)
        let first = Logger(label: "yanxiud", factory: factory)
        var pinned = Logger(label: "yanxiud.store", factory: factory)
        pinned.logLevel = .error

        #expect(first.handler is JournalLogHandler)
        #expect(first.logLevel == .info)
        shared.level = .trace
        #expect(first.logLevel == .trace)
        #expect(pinned.logLevel == .error)
    }
}
