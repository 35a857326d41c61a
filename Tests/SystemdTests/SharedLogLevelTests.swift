import Logging
import Systemd
import Testing

@Suite struct SharedLogLevelTests {
    @Test(arguments: Logger.Level.allCases)
    func everyLevelRoundTrips(level: Logger.Level) {
        let shared = SharedLogLevel(.info)
        shared.level = level
        #expect(shared.level == level)
    }

    @Test func changesAreSeenAcrossTasks() async {
        let shared = SharedLogLevel(.info)
        await withTaskGroup(of: Void.self) { group in
            for level in Logger.Level.allCases {
                group.addTask { shared.level = level }
            }
        }
        #expect(Logger.Level.allCases.contains(shared.level))
        shared.level = .error
        let seen = await Task.detached { shared.level }.value
        #expect(seen == .error)
    }
}
