import Locking

/// Lessons as the heartbeat lanes see them, read once and kept until the catalog changes.
public final class LessonCache: Sendable {
    private struct State {
        var version: UInt64 = 0
        var entries: [String: LessonContext] = [:]
    }

    private let state = Locked(State())
    private let settings: ProgressSettings

    public init(settings: ProgressSettings) { self.settings = settings }

    /// Forgets every lesson; called after a topic import or update commits.
    public func invalidate() {
        state.withLock { state in
            state.version &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// The lesson's context, from memory or read from `store`; nil when there is no such lesson.
    func context(_ lessonId: String, store: any Store) throws -> LessonContext? {
        let (cached, version) = state.withLock { ($0.entries[lessonId], $0.version) }
        if let cached { return cached }
        let settings = self.settings
        guard let loaded = try store.readNow({ tx in try LessonContext.load(tx.progress, lessonId: lessonId, settings: settings) }) else { return nil }
        state.withLock { state in
            // A change that raced with the read must not be hidden by a stale entry.
            if state.version == version { state.entries[lessonId] = loaded }
        }
        return loaded
    }
}
