import JSONRPC

/// Plays many simulated players at once on a test clock: each tick moves the daemon's clock,
/// then every player's heartbeats go out together (so they share group commits), then the
/// follow-ups (quiz answers) of those that reached a quiz.
public struct LockstepPlayback {
    public let control: RPCClient
    public let viewers: RPCClient
    public let tickSeconds: Int

    /// `control` moves the clock (an operator's connection); `viewers` carries the players' calls.
    public init(control: RPCClient, viewers: RPCClient, tickSeconds: Int = 30) {
        self.control = control
        self.viewers = viewers
        self.tickSeconds = tickSeconds
    }

    /// Runs until every player has finished; `progress` hears (ticks, heartbeats) after every tick.
    @discardableResult
    public func run(_ players: [SimulatedPlayer], progress: (Int, Int) -> Void = { _, _ in }) throws -> (ticks: Int, heartbeats: Int) {
        var ticks = 0
        var heartbeats = 0
        while players.contains(where: { !$0.isFinished }) {
            _ = try control.call("testClock.advance", ["seconds": .int(tickSeconds)])
            ticks += 1
            var pending = players.map { ($0, $0.plan()) }
            while !pending.isEmpty {
                let calls = pending.flatMap(\.1)
                heartbeats += calls.count { $0.method == "progress.heartbeat" }
                var replies = try viewers.callAll(calls)[...]
                var next: [(SimulatedPlayer, [RPCClient.PlannedCall])] = []
                for (player, planned) in pending {
                    let followUps = player.receive(planned, Array(replies.prefix(planned.count)))
                    replies = replies.dropFirst(planned.count)
                    if !followUps.isEmpty { next.append((player, followUps)) }
                }
                pending = next
            }
            progress(ticks, heartbeats)
        }
        return (ticks, heartbeats)
    }
}
