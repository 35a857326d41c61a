import JSONRPC
import NIOCore
import NIOEmbedded
import Testing
@testable import YanxiuServer

/// The connection handler on an embedded channel: what a client sees of back-pressure,
/// half-close, oversized lines, idle clients and a graceful stop.
@Suite("Connection handler on an embedded channel")
struct RPCConnectionHandlerTests {
    typealias Connection = EmbeddedConnection

    @Test("requests beyond the in-flight limit wait, and nothing is read until a slot frees")
    func readBackPressure() throws {
        let c = try Connection(maxInFlight: 2)
        try c.send(Connection.request("hold", 1) + Connection.request("hold", 2) + Connection.request("hold", 3))
        #expect(c.running == [1, 2])
        #expect(!c.askToRead())
        c.release()
        #expect(try c.replyIDs() == [1])
        // 3 takes the freed slot: still full, still not reading.
        #expect(c.running == [2, 3])
        #expect(!c.askToRead())
        c.release()
        // A slot is free and nothing waits: the held read goes through now, without a new ask.
        #expect(try c.replyIDs() == [2])
        #expect(c.askToRead())
        c.release()
        #expect(try c.replyIDs() == [3])
        #expect(c.isOpen)
    }

    @Test("a client that stops taking its replies is not served, nor read from, until it takes them")
    func writeBackPressure() throws {
        let c = try Connection(maxInFlight: 4)
        c.setClientReading(false)
        try c.send(Connection.request("hold", 1) + Connection.request("echo", 2))
        #expect(c.running == [])
        #expect(!c.askToRead())
        #expect(try c.replyIDs() == [])
        c.setClientReading(true)
        #expect(c.running == [1])
        #expect(try c.replyIDs() == [2])
        #expect(c.askToRead())
        c.release()
        #expect(try c.replyIDs() == [1])
    }

    @Test("replies finished in one event-loop tick wait for the one flush at its end")
    func oneFlushPerTick() throws {
        let c = try Connection(maxInFlight: 4)
        try c.send(Connection.request("echo", 1) + Connection.request("echo", 2) + Connection.request("echo", 3))
        #expect(try c.channel.readOutbound(as: ByteBuffer.self) == nil)
        c.channel.embeddedEventLoop.run()
        let first = try #require(try c.channel.readOutbound(as: ByteBuffer.self))
        #expect(String(buffer: first).hasSuffix(#""id":1}"# + "\n"))
        #expect(try c.replyIDs() == [2, 3])
    }

    @Test("half-close: requests running when the client closes its side are answered, then the connection closes")
    func halfClose() throws {
        let c = try Connection()
        try c.send(Connection.request("hold", 1) + Connection.request("hold", 2))
        c.channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(c.isOpen)
        #expect(!c.askToRead())
        c.release()
        #expect(try c.replyIDs() == [1])
        #expect(c.isOpen)
        c.release()
        #expect(try c.replyIDs() == [2])
        #expect(!c.isOpen)
    }

    @Test("half-close with nothing running closes at once")
    func halfCloseIdle() throws {
        let c = try Connection()
        try c.send(Connection.request("echo", 1))
        c.channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        #expect(try c.replyIDs() == [1])
        #expect(!c.isOpen)
    }

    @Test("a line longer than the limit is refused with request.too_large, and the next line is served")
    func lineTooLong() throws {
        let c = try Connection(maxLineBytes: 64)
        try c.send(String(repeating: "x", count: 100) + "\n" + Connection.request("echo", 7))
        let replies = try c.replies()
        #expect(replies.count == 2)
        #expect(replies.first?["error"]?["code"] == -32600)
        #expect(replies.first?["error"]?["data"]?["reason"] == "request.too_large")
        #expect(replies.first?["id"] == .null)
        #expect(replies.last?["result"] == 7)
    }

    @Test("a line too long is refused as soon as the limit is passed, before its newline arrives")
    func lineTooLongWithoutNewline() throws {
        let c = try Connection(maxLineBytes: 64)
        try c.send(String(repeating: "x", count: 65))
        #expect(try c.replies().first?["error"]?["data"]?["reason"] == "request.too_large")
        try c.send(String(repeating: "x", count: 1000) + "\n" + Connection.request("echo", 8))
        #expect(try c.replyIDs() == [8])
    }

    @Test("a graceful stop while requests run: nothing more is read, waiting lines still run, then the connection closes")
    func drainWhileInFlight() throws {
        let c = try Connection(maxInFlight: 1)
        try c.send(Connection.request("hold", 1) + Connection.request("hold", 2))
        c.channel.pipeline.fireUserInboundEventTriggered(DrainEvent())
        #expect(!c.askToRead())
        c.release()
        #expect(try c.replyIDs() == [1])
        #expect(c.running == [2])
        #expect(c.isOpen)
        c.release()
        #expect(try c.replyIDs() == [2])
        #expect(!c.isOpen)
    }

    @Test("an idle connection is closed at the idle timeout; a running request keeps it open")
    func idleTimeout() throws {
        let c = try Connection(idleTimeout: .seconds(4))
        try c.send(Connection.request("hold", 1))
        c.channel.embeddedEventLoop.advanceTime(by: .seconds(10))
        #expect(c.isOpen)
        c.release()
        #expect(try c.replyIDs() == [1])
        c.channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(c.isOpen)
        c.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!c.isOpen)
    }

    @Test("a peer that stops reading is closed at the idle timeout, even with its lines held back")
    func peerStopsReading() throws {
        let c = try Connection(maxInFlight: 2, idleTimeout: .seconds(4))
        c.setClientReading(false)
        try c.send(Connection.request("echo", 1) + Connection.request("echo", 2))
        c.channel.embeddedEventLoop.advanceTime(by: .seconds(3))
        #expect(c.isOpen)
        c.channel.embeddedEventLoop.advanceTime(by: .seconds(2))
        #expect(!c.isOpen)
        #expect(c.running == [])
    }

    @Test("replies to requests that finish after an error closed the connection are dropped")
    func errorCloses() throws {
        let c = try Connection()
        try c.send(Connection.request("hold", 1))
        c.channel.pipeline.fireErrorCaught(ChannelError.ioOnClosedChannel)
        #expect(!c.isOpen)
        c.release()
        #expect(try c.replies() == [])
    }
}
