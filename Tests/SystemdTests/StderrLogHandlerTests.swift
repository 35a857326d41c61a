import Dispatch
import Foundation
import Glibc
import Logging
import Systemd
import Testing

@Suite struct StderrLogHandlerTests {
    /// 2026-11-29T01:02:03Z
    let time: time_t = 1_795_914_123

    @Test func lineHasTimeLevelLabelMessageAndMetadata() {
        let line = StderrLogHandler.line(
            time: time, level: .info, label: "yanxiud", message: "message", metadata: ["rpc.method": "ping"]
        )
        #expect(line == "2026-11-29T01:02:03Z info yanxiud: message rpc.method=ping")
    }

    @Test func metadataIsSortedAndNestedKeysAreDotted() {
        let line = StderrLogHandler.line(
            time: time, level: .warning, label: "yanxiud", message: "m",
            metadata: ["z": "1", "rpc": ["method": "a.b", "id": .stringConvertible(3)], "a": [.stringConvertible(1), "x"]]
        )
        #expect(line == "2026-11-29T01:02:03Z warning yanxiud: m a=\"[1, x]\" rpc.id=3 rpc.method=a.b z=1")
    }

    @Test func valuesThatWouldSplitAreQuotedAndEscaped() {
        let line = StderrLogHandler.line(
            time: time, level: .error, label: "yanxiud", message: "two\nlines",
            metadata: ["path": "/tmp/a b", "quote": "say \"hi\"", "empty": "", "eq": "a=b", "nl": "x\ny"]
        )
        #expect(line == #"2026-11-29T01:02:03Z error yanxiud: two\nlines empty="" eq="a=b" nl="x\ny" path="/tmp/a b" quote="say \"hi\"""#)
    }

    @Test func loggerWritesOneLinePerMessageAtTheSharedLevel() throws {
        let pipe = try makePipe()
        defer { close(pipe.read) }
        let shared = SharedLogLevel(.info)
        var logger = Logger(label: "yanxiud") { label in
            StderrLogHandler(label: label, level: shared, fileDescriptor: pipe.write, metadataProvider: nil)
        }
        logger[metadataKey: "conn"] = "7"

        logger.debug("hidden")
        logger.info("hello", metadata: ["rpc.method": "system.ping"])
        shared.level = .debug
        logger.debug("now visible")
        close(pipe.write)

        let lines = readAvailable(from: pipe.read).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3, "two lines and the final newline: \(lines)")
        #expect(lines.first?.hasSuffix(" info yanxiud: hello conn=7 rpc.method=system.ping") == true)
        #expect(lines.dropFirst().first?.hasSuffix(" debug yanxiud: now visible conn=7") == true)
        #expect(lines.last == "")
    }

    @Test func callMetadataWinsOverProviderOverHandlerAndErrorsAreAdded() throws {
        let pipe = try makePipe()
        defer { close(pipe.read) }
        let provider = Logger.MetadataProvider { ["trace.id": "abc", "peer.uid": "0"] }
        var logger = Logger(label: "yanxiud") { label in
            StderrLogHandler(label: label, level: SharedLogLevel(.info), fileDescriptor: pipe.write, metadataProvider: provider)
        }
        logger[metadataKey: "peer.uid"] = "1"
        logger[metadataKey: "conn"] = "5"

        logger.error("write failed", error: WriteRefused(), metadata: ["peer.uid": "2"])
        close(pipe.write)

        let line = readAvailable(from: pipe.read)
        #expect(line.hasSuffix(" error yanxiud: write failed conn=5 error.message=refused error.type=SystemdTests.WriteRefused peer.uid=2 trace.id=abc\n"), "\(line)")
    }

    /// Lines four times the pipe's capacity, logged from eight threads at once while a reader
    /// drains the pipe, each arrive whole: every write blocks part-way, and another thread's
    /// write could otherwise slip in.
    @Test func linesFromManyThreadsNeverInterleave() throws {
        let pipe = try makePipe()
        defer { close(pipe.read) }
        _ = fcntl(pipe.read, F_SETFL, 0)
        let setPipeSize: Int32 = 1031  // F_SETPIPE_SZ: the smallest pipe, one page
        #expect(fcntl(pipe.write, setPipeSize, 4096) == 4096)
        let reader = PipeDrain(fd: pipe.read)
        let letters = Array("ABCDEFGH")
        let length = 16_384
        let perThread = 40
        DispatchQueue.concurrentPerform(iterations: letters.count) { index in
            let logger = Logger(label: "yanxiud") { label in
                StderrLogHandler(label: label, level: SharedLogLevel(.info), fileDescriptor: pipe.write, metadataProvider: nil)
            }
            let message = String(repeating: letters[index], count: length)
            for _ in 0..<perThread { logger.info("\(message)") }
        }
        close(pipe.write)

        let lines = reader.wait().split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == letters.count * perThread)
        var perLetter: [Character: Int] = [:]
        var broken = 0
        for line in lines {
            let message = line.suffix(length)
            let prefix = String(decoding: line.dropLast(length), as: UTF8.self)
            guard message.count == length, message.allSatisfy({ $0 == message.first }), prefix.hasSuffix(" info yanxiud: ") else {
                broken += 1
                continue
            }
            perLetter[Character(Unicode.Scalar(message[message.startIndex])), default: 0] += 1
        }
        #expect(broken == 0, "lines split by another thread's line")
        #expect(perLetter == Dictionary(uniqueKeysWithValues: letters.map { ($0, perThread) }))
    }

    /// A line of a megabyte, beyond the buffer the handler keeps between lines, arrives whole,
    /// and so does the short line after it.
    @Test func aHugeLineAndTheNextArriveWhole() throws {
        let pipe = try makePipe()
        defer { close(pipe.read) }
        _ = fcntl(pipe.read, F_SETFL, 0)
        let reader = PipeDrain(fd: pipe.read)
        let logger = Logger(label: "yanxiud") { label in
            StderrLogHandler(label: label, level: SharedLogLevel(.info), fileDescriptor: pipe.write, metadataProvider: nil)
        }
        let huge = String(repeating: "x", count: 1 << 20)
        logger.info("\(huge)")
        logger.info("after")
        close(pipe.write)

        let lines = reader.wait().split(separator: UInt8(ascii: "\n")).map { String(decoding: $0, as: UTF8.self) }
        #expect(lines.count == 2)
        #expect(lines.first.map { $0.hasSuffix(" info yanxiud: " + huge) } == true)
        #expect(lines.last.map { $0.hasSuffix(" info yanxiud: after") } == true)
    }

    @Test func factoryForStderrMakesPlainLines() {
        let factory = LoggingSystemSetup.makeFactory(identifier: "yanxiud", destination: .stderr, level: SharedLogLevel(.notice))
        let logger = Logger(label: "yanxiud", factory: factory)
        #expect(logger.handler is StderrLogHandler)
        #expect(logger.logLevel == .notice)
    }
}

struct WriteRefused: Error, CustomStringConvertible {
    var description: String { "refused" }
}

/// Reads a blocking descriptor to its end on its own thread.
final class PipeDrain: @unchecked Sendable {
    private var bytes: [UInt8] = []
    private let done = DispatchSemaphore(value: 0)

    init(fd: Int32) {
        Thread.detachNewThread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
                if count > 0 {
                    bytes.append(contentsOf: chunk[..<count])
                } else if count < 0 && errno == EINTR {
                    continue
                } else {
                    break
                }
            }
            done.signal()
        }
    }

    /// Everything read, once the writing end is closed. The semaphore orders the reads
    /// before this.
    func wait() -> [UInt8] {
        done.wait()
        return bytes
    }
}
