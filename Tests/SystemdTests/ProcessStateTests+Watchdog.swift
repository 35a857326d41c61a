import Glibc
import Systemd
import Testing

extension ProcessStateTests {
    @Test func watchdogIntervalIsHalfTheTimeout() {
        let (timeout, interval) = withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(getpid())"]) {
            (Notifier().watchdogTimeout, Notifier().watchdogInterval)
        }
        #expect(timeout == .seconds(20))
        #expect(interval == .seconds(10))
    }

    @Test func watchdogWithoutPIDIsForThisProcess() {
        let interval = withEnvironment(["WATCHDOG_USEC": "3000", "WATCHDOG_PID": nil]) {
            Notifier().watchdogInterval
        }
        #expect(interval == .microseconds(1500))
    }

    @Test(arguments: [
        ["WATCHDOG_USEC": nil, "WATCHDOG_PID": nil],
        ["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "1"],
        ["WATCHDOG_USEC": "soon", "WATCHDOG_PID": nil],
        ["WATCHDOG_USEC": "0", "WATCHDOG_PID": nil],
    ] as [[String: String?]])
    func watchdogIsOffUnlessEnabledForThisProcess(environment: [String: String?]) {
        let interval = withEnvironment(environment) { Notifier().watchdogInterval }
        #expect(interval == nil)
    }

    @Test func watchdogEnvironmentSurvivesReading() {
        let remaining = withEnvironment(["WATCHDOG_USEC": "20000000", "WATCHDOG_PID": "\(getpid())"]) {
            _ = Notifier().watchdogInterval
            return getenv("WATCHDOG_USEC").map { String(cString: $0) }
        }
        #expect(remaining == "20000000")
    }
}
