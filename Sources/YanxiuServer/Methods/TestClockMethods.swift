import JSONRPC
import Yanxiu

/// `testClock.set` and `testClock.advance`: registered only when the daemon runs with `--test-clock`.
struct TestClockMethods {
    let clock: TestClock

    func descriptors() -> [MethodDescriptor] {
        let clock = self.clock
        return [
            MethodDescriptor(
                "testClock.set", "Sets the daemon's test clock to an RFC 3339 instant.", access: .operator,
                params: [.string("time", "RFC 3339 with offset, e.g. 2023-01-09T08:00:00+08:00")], result: "{now}"
            ) { call in
                guard let ms = Timestamp.parse(try call.params.require("time")) else {
                    throw RPCError.invalidParams(field: "time", reason: "format")
                }
                return ["now": .string(Timestamp.format(clock.set(ms)))]
            },
            MethodDescriptor(
                "testClock.advance", "Moves the daemon's test clock forward.", access: .operator,
                params: [.number("seconds", "seconds to add (fractions allowed, at least 0)")], result: "{now}"
            ) { call in
                guard let seconds = call.params.double("seconds"), seconds >= 0, seconds <= 10 * 365 * 86400 else {
                    throw RPCError.invalidParams(field: "seconds", reason: "range")
                }
                return ["now": .string(Timestamp.format(clock.advance(byMs: Int64((seconds * 1000).rounded()))))]
            },
        ]
    }
}
