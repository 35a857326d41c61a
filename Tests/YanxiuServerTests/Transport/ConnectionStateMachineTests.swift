import NIOCore
import Testing
@testable import YanxiuServer

@Suite("A connection's back-pressure and closing, without a socket")
struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine
    static let start = NIODeadline.uptimeNanoseconds(1_000_000_000)

    static func machine(maxInFlight: Int = 2, idleTimeout: TimeAmount = .seconds(300)) -> Machine {
        Machine(limits: .init(maxInFlight: maxInFlight, idleTimeout: idleTimeout), now: start)
    }

    static func line(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Walks `nextAction()` as the handler does, and lists what it was told to do.
    static func advance(_ machine: inout Machine) -> [Machine.Action] {
        guard machine.startAdvancing() else { return [] }
        var actions: [Machine.Action] = []
        while true {
            let action = machine.nextAction()
            if action == .wait { return actions }
            actions.append(action)
        }
    }

    static func receive(_ text: String, _ machine: inout Machine, at now: NIODeadline = start) -> [Machine.Action] {
        #expect(machine.received(.line(line(text)), now: now) == .advance)
        return advance(&machine)
    }

    @Test("lines start in order up to the in-flight limit; the rest wait until a request finishes")
    func inFlightLimit() {
        var m = Self.machine(maxInFlight: 2)
        #expect(Self.receive("a", &m) == [.start(Self.line("a"), weight: 1)])
        #expect(Self.receive("b", &m) == [.start(Self.line("b"), weight: 1)])
        #expect(Self.receive("c", &m) == [])
        #expect(Self.receive("d", &m) == [])
        #expect(m.inFlight == 2 && m.waitingCount == 2)
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line("c"), weight: 1)])
        m.requestFinished(weight: 1, now: Self.start)
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line("d"), weight: 1)])
        #expect(m.inFlight == 1 && m.waitingCount == 0)
    }

    @Test("a batch takes every slot: it waits for the running requests, and nothing starts beside it")
    func batchTakesEverySlot() {
        var m = Self.machine(maxInFlight: 4)
        #expect(Self.receive("single", &m) == [.start(Self.line("single"), weight: 1)])
        #expect(Self.receive(" \t[1]", &m) == [])
        #expect(Self.receive("after", &m) == [])
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line(" \t[1]"), weight: 4)])
        #expect(m.inFlight == 4)
        m.requestFinished(weight: 4, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line("after"), weight: 1)])
    }

    @Test("a batch starts on an idle connection even when its weight is the whole limit", arguments: [1, 2, 64])
    func batchOnIdleConnection(limit: Int) {
        var m = Self.machine(maxInFlight: limit)
        #expect(Self.receive("[{}]", &m) == [.start(Self.line("[{}]"), weight: limit)])
    }

    @Test("blank lines are skipped without a reply; a too-long line is refused", arguments: ["", " ", "\t\r", "  \r"])
    func blankLines(text: String) {
        var m = Self.machine()
        #expect(m.received(.line(Self.line(text)), now: Self.start) == .ignore)
        #expect(m.received(.tooLarge, now: Self.start) == .refuseTooLarge)
        #expect(m.waitingCount == 0 && m.inFlight == 0)
    }

    @Test("a read goes through at once while the connection has room")
    func readWhileRoom() {
        var m = Self.machine()
        #expect(m.readRequested() == true)
        _ = Self.receive("a", &m)
        #expect(m.readRequested() == true)
    }

    @Test("a read is held at the in-flight limit and given back once a slot frees and nothing waits")
    func readHeldAtLimit() {
        var m = Self.machine(maxInFlight: 1)
        _ = Self.receive("a", &m)
        _ = Self.receive("b", &m)
        #expect(m.readRequested() == false)
        m.requestFinished(weight: 1, now: Self.start)
        // "b" takes the freed slot, so the read stays held.
        #expect(Self.advance(&m) == [.start(Self.line("b"), weight: 1)])
        #expect(m.readPending)
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.read])
        #expect(!m.readPending)
        #expect(Self.advance(&m) == [])
    }

    @Test("a client that stops taking its replies: nothing starts and nothing is read until it takes them")
    func writeBackPressure() {
        var m = Self.machine(maxInFlight: 4)
        #expect(m.writabilityChanged(to: false, now: Self.start) == false)
        #expect(Self.receive("a", &m) == [])
        #expect(m.readRequested() == false)
        #expect(m.writabilityChanged(to: true, now: Self.start) == true)
        // "a" starts; a slot is still free and nothing waits, so the held read goes through.
        #expect(Self.advance(&m) == [.start(Self.line("a"), weight: 1), .read])
        #expect(!m.readPending)
    }

    @Test("writability regained gives back both the held lines and the held read, lines first")
    func writableAgainOrder() {
        var m = Self.machine(maxInFlight: 4)
        _ = m.writabilityChanged(to: false, now: Self.start)
        _ = Self.receive("a", &m)
        _ = Self.receive("b", &m)
        #expect(m.readRequested() == false)
        _ = m.writabilityChanged(to: true, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line("a"), weight: 1), .start(Self.line("b"), weight: 1), .read])
    }

    @Test("the client closes its side while a request runs: no more reads, and the connection closes after the reply")
    func halfClose() {
        var m = Self.machine()
        _ = Self.receive("a", &m)
        m.inputEnded()
        #expect(m.phase == .finishing)
        #expect(Self.advance(&m) == [])
        #expect(m.readRequested() == false)
        m.requestFinished(weight: 1, now: Self.start)
        #expect(m.write() == .write(scheduleFlush: true))
        #expect(Self.advance(&m) == [.closeAfterFlush])
        #expect(m.phase == .closed)
        #expect(m.write() == .drop)
    }

    @Test("the client closes its side with nothing running: the connection closes at once")
    func halfCloseIdle() {
        var m = Self.machine()
        m.inputEnded()
        #expect(Self.advance(&m) == [.closeAfterFlush])
    }

    @Test("a drain with lines waiting serves them first, then closes; a held read is never given back")
    func drainWithWaitingLines() {
        var m = Self.machine(maxInFlight: 1)
        _ = Self.receive("a", &m)
        _ = Self.receive("b", &m)
        #expect(m.readRequested() == false)
        m.inputEnded()
        m.inputEnded()
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.start(Self.line("b"), weight: 1)])
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [.closeAfterFlush])
        #expect(Self.advance(&m) == [])
    }

    @Test("writes in one tick share one flush; the next tick schedules another")
    func flushCoalescing() {
        var m = Self.machine()
        #expect(m.write() == .write(scheduleFlush: true))
        #expect(m.write() == .write(scheduleFlush: false))
        #expect(m.write() == .write(scheduleFlush: false))
        m.flushed()
        #expect(m.write() == .write(scheduleFlush: true))
    }

    @Test("an error closes once; afterwards nothing starts, replies are dropped and input is ignored")
    func closeNow() {
        var m = Self.machine(maxInFlight: 1)
        _ = Self.receive("a", &m)
        _ = Self.receive("b", &m)
        #expect(m.closeNow() == true)
        #expect(m.closeNow() == false)
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [])
        #expect(m.write() == .drop)
        #expect(m.received(.line(Self.line("c")), now: Self.start) == .ignore)
        #expect(m.received(.tooLarge, now: Self.start) == .ignore)
        #expect(m.idleTimerFired(now: Self.start + .hours(1)) == false)
    }

    @Test("an idle connection closes at the timeout, not before")
    func idle() {
        var m = Self.machine(idleTimeout: .seconds(10))
        #expect(m.idleTimerFired(now: Self.start + .seconds(9)) == false)
        #expect(m.idleTimerFired(now: Self.start + .seconds(10)) == true)
        #expect(m.phase == .closed)
    }

    @Test("input, finished requests and regained writability count as activity; losing writability does not")
    func activity() {
        var m = Self.machine(idleTimeout: .seconds(10))
        _ = m.received(.line(Self.line(" ")), now: Self.start + .seconds(5))
        #expect(m.idleTimerFired(now: Self.start + .seconds(14)) == false)
        _ = m.received(.tooLarge, now: Self.start + .seconds(12))
        #expect(m.idleTimerFired(now: Self.start + .seconds(21)) == false)
        _ = m.writabilityChanged(to: true, now: Self.start + .seconds(20))
        #expect(m.idleTimerFired(now: Self.start + .seconds(29)) == false)
        _ = m.writabilityChanged(to: false, now: Self.start + .seconds(29))
        #expect(m.idleTimerFired(now: Self.start + .seconds(30)) == true)
    }

    @Test("a running request keeps a connection open past the timeout; its end starts the timeout again")
    func idleWhileRunning() {
        var m = Self.machine(idleTimeout: .seconds(10))
        _ = Self.receive("a", &m)
        #expect(m.idleTimerFired(now: Self.start + .seconds(60)) == false)
        m.requestFinished(weight: 1, now: Self.start + .seconds(60))
        #expect(m.idleTimerFired(now: Self.start + .seconds(69)) == false)
        #expect(m.idleTimerFired(now: Self.start + .seconds(70)) == true)
    }

    @Test("a client that stopped reading is closed at the timeout even with lines held back for it")
    func idleWhileNotReading() {
        var m = Self.machine(idleTimeout: .seconds(10))
        _ = m.writabilityChanged(to: false, now: Self.start)
        _ = Self.receive("a", &m)
        #expect(m.waitingCount == 1)
        #expect(m.idleTimerFired(now: Self.start + .seconds(10)) == true)
    }

    @Test("a request that finishes while lines are being started does not start a second walk")
    func reentrantFinish() {
        var m = Self.machine(maxInFlight: 1)
        _ = m.writabilityChanged(to: false, now: Self.start)
        _ = Self.receive("a", &m)
        _ = Self.receive("b", &m)
        _ = m.writabilityChanged(to: true, now: Self.start)
        #expect(m.startAdvancing() == true)
        #expect(m.nextAction() == .start(Self.line("a"), weight: 1))
        // "a" answers at once, from inside the walk: the handler's nested advance does nothing ...
        m.requestFinished(weight: 1, now: Self.start)
        #expect(Self.advance(&m) == [])
        // ... and the outer walk goes on with "b".
        #expect(m.nextAction() == .start(Self.line("b"), weight: 1))
        #expect(m.nextAction() == .wait)
        #expect(m.startAdvancing() == true)
    }

    @Test("weights: a line whose first non-blank byte is [ is a batch", arguments: [
        ("[]", 8), ("  [1]", 8), ("\t\r[", 8), ("{}", 1), (" {\"a\":[1]}", 1), ("x[", 1), ("", 1),
    ])
    func weights(text: String, weight: Int) {
        #expect(Machine.weight(of: Self.line(text), limit: 8) == weight)
    }
}
