import ServiceLifecycle

/// A service that prunes once at start and then every `interval`, until a graceful stop.
protocol PeriodicPruneService: Service {
    var interval: Duration { get }
    func pruneOnce() async
}

extension PeriodicPruneService {
    func run() async throws {
        // A graceful stop cancels the wait at once; cancellation ends the loop.
        try? await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await pruneOnce()
                try await Task.sleep(for: interval)
            }
        }
    }
}
