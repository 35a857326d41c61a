import NIOCore

/// One connection's back-pressure and closing, as a value: the lines waiting to start, the
/// requests running, whether the client may be read from, and when the connection closes.
/// Its transitions return what must happen next, and `RPCConnectionHandler` carries that out;
/// nothing here touches a channel, so every transition is tested without a socket.
///
/// Back-pressure: at most `maxInFlight` requests run at once, and no more input is read, nor
/// any waiting line started, while that many run or while the replies not yet taken by the
/// client are above the channel's high-water mark (the channel is not writable). A client that
/// never reads its replies therefore stops being served, and the daemon holds at most
/// `maxInFlight` replies plus one high-water mark for it. A batch (a line starting with `[`)
/// takes every slot while it runs: its reply is up to `Dispatcher.maxBatch` replies in one
/// line, so batches run one at a time.
struct ConnectionStateMachine {
    struct Limits: Sendable {
        var maxInFlight: Int
        var idleTimeout: TimeAmount
    }

    enum Phase: Equatable {
        /// Reading requests and serving them.
        case serving
        /// The client closed its side, or the daemon is stopping: nothing more is read, and
        /// the connection closes once nothing runs or waits.
        case finishing
        /// Closing or closed: nothing starts and replies are dropped.
        case closed
    }

    /// One frame from the line decoder.
    enum Input: Equatable {
        case line([UInt8])
        case tooLarge
    }

    /// What to do with one frame.
    enum InputAction: Equatable {
        /// Nothing (a blank line, or the connection is closing).
        case ignore
        /// The line waits its turn: call `nextAction()` until it says `.wait`.
        case advance
        /// Answer with `request.too_large` (through `write()`).
        case refuseTooLarge
    }

    /// What the handler does next to move the connection on.
    enum Action: Equatable {
        /// Dispatch this line; it holds `weight` in-flight slots until `requestFinished(weight:now:)`.
        case start([UInt8], weight: Int)
        /// Ask the channel for the input a read held back earlier.
        case read
        /// Hand every reply written so far to the socket, then close.
        case closeAfterFlush
        /// Nothing more until the next event.
        case wait
    }

    enum WriteAction: Equatable {
        /// The connection is closing: the bytes go nowhere.
        case drop
        /// Write; when `scheduleFlush`, also schedule one flush for this event-loop tick (and
        /// call `flushed()` when it runs), so replies finished in one tick share a syscall.
        case write(scheduleFlush: Bool)
    }

    let limits: Limits
    private(set) var phase = Phase.serving
    /// Slots taken by the requests running (a batch takes them all).
    private(set) var inFlight = 0
    /// Lines read but not started because of the in-flight limit or a full output buffer.
    private var waiting = CircularBuffer<[UInt8]>()
    private(set) var isWritable = true
    /// A read the channel asked for and was held back.
    private(set) var readPending = false
    private var flushScheduled = false
    /// Set while the handler works through `nextAction()`: a request that finishes at once
    /// comes back here, and the outer loop must go on instead of recursing once per waiting line.
    private var advancing = false
    private var lastActivity: NIODeadline

    init(limits: Limits, now: NIODeadline) {
        self.limits = limits
        lastActivity = now
    }

    var waitingCount: Int { waiting.count }

    // MARK: Transitions

    /// A frame arrived. Any input counts as activity.
    mutating func received(_ input: Input, now: NIODeadline) -> InputAction {
        lastActivity = now
        guard phase != .closed else { return .ignore }
        switch input {
        case .tooLarge:
            return .refuseTooLarge
        case .line(let line):
            if Self.isBlank(line) { return .ignore }
            waiting.append(line)
            return .advance
        }
    }

    /// The channel asks for more input: true when it may read now; otherwise the read is held
    /// until `nextAction()` gives it back as `.read`.
    mutating func readRequested() -> Bool {
        if canRead { return true }
        readPending = true
        return false
    }

    /// A request gave back its slots; write its reply (through `write()`), then call
    /// `nextAction()` until `.wait`.
    mutating func requestFinished(weight: Int, now: NIODeadline) {
        precondition(inFlight >= weight, "a request finished twice")
        inFlight -= weight
        lastActivity = now
    }

    /// Bytes are to be written (a reply, a notification or a refusal).
    mutating func write() -> WriteAction {
        guard phase != .closed else { return .drop }
        guard !flushScheduled else { return .write(scheduleFlush: false) }
        flushScheduled = true
        return .write(scheduleFlush: true)
    }

    /// The flush scheduled by `write()` ran.
    mutating func flushed() {
        flushScheduled = false
    }

    /// The channel's writability changed; true when the handler should call `nextAction()`
    /// (the client took its replies, so held lines and reads may go on).
    mutating func writabilityChanged(to writable: Bool, now: NIODeadline) -> Bool {
        isWritable = writable
        guard writable else { return false }
        lastActivity = now
        return true
    }

    /// The client closed its side, or the daemon asked every connection to drain: finish what
    /// was read and close. The handler then calls `nextAction()`.
    mutating func inputEnded() {
        if phase == .serving { phase = .finishing }
    }

    /// An error on the channel: true when the handler must close it now.
    mutating func closeNow() -> Bool {
        guard phase != .closed else { return false }
        phase = .closed
        return true
    }

    /// The idle timer fired: true when the handler must close the connection now. A connection
    /// closes when nothing runs and it has sent no complete request, and taken none of its
    /// replies, for the idle timeout (lines held back for a client that stopped reading do not
    /// keep it open).
    mutating func idleTimerFired(now: NIODeadline) -> Bool {
        guard phase != .closed, inFlight == 0, waiting.isEmpty || !isWritable,
              now - lastActivity >= limits.idleTimeout else { return false }
        phase = .closed
        return true
    }

    /// Starts the handler's walk through `nextAction()`; false when a walk is already going on
    /// further up the stack (that one will see whatever changed).
    mutating func startAdvancing() -> Bool {
        guard !advancing else { return false }
        advancing = true
        return true
    }

    /// The next thing to do, in order: start waiting lines while slots are free and the client
    /// takes its replies; give back a held read once nothing waits; close once finishing and
    /// idle. `.wait` ends the walk begun by `startAdvancing()`.
    mutating func nextAction() -> Action {
        if phase != .closed, let line = waiting.first, isWritable {
            let weight = Self.weight(of: line, limit: limits.maxInFlight)
            if inFlight == 0 || inFlight + weight <= limits.maxInFlight {
                waiting.removeFirst()
                inFlight += weight
                return .start(line, weight: weight)
            }
        }
        if readPending, canRead {
            readPending = false
            return .read
        }
        if phase == .finishing, inFlight == 0, waiting.isEmpty {
            phase = .closed
            return .closeAfterFlush
        }
        advancing = false
        return .wait
    }

    // MARK: Rules

    private var canRead: Bool {
        phase == .serving && waiting.isEmpty && inFlight < limits.maxInFlight && isWritable
    }

    /// Slots a line takes: all of them for a batch, else one.
    static func weight(of line: [UInt8], limit: Int) -> Int {
        line.first { !isSpace($0) } == UInt8(ascii: "[") ? limit : 1
    }

    /// A line of spaces, tabs and carriage returns only is skipped without a reply.
    static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy(isSpace)
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0D
    }
}
