import Dispatch
import Locking

/// Lessons as the heartbeat lanes see them, read once and kept until the catalog changes.
///
/// One daemon owning its database (SQLite) keeps a lesson until its own `topic.import` or
/// `topic.update` calls `invalidate`. Daemons sharing a database (PostgreSQL) also keep each
/// lesson for `sharedLifetimeNanoseconds` (one second) at most, so that a window or a rule
/// changed through another daemon holds here within a second: a hot lesson is read again once a
/// second per daemon, which costs nothing beside the heartbeats that use it.
public final class LessonCache: Sendable {
    private struct Entry {
        let context: LessonContext
        let cachedAt: UInt64
    }

    private struct State {
        var version: UInt64 = 0
        var entries: [String: Entry] = [:]
    }

    private let state = Locked(State())
    private let settings: ProgressSettings
    /// How long an entry is kept when the catalog can change behind this daemon's back; nil when it cannot.
    let lifetimeNanoseconds: UInt64?

    public static let sharedLifetimeNanoseconds: UInt64 = 1_000_000_000

    /// `shared`: other daemons may change the catalog (the store is shared).
    public init(settings: ProgressSettings, shared: Bool = false, lifetimeNanoseconds: UInt64 = LessonCache.sharedLifetimeNanoseconds) {
        self.settings = settings
        self.lifetimeNanoseconds = shared ? lifetimeNanoseconds : nil
    }

    /// Forgets every lesson; called after a topic import or update commits.
    public func invalidate() {
        state.withLock { state in
            state.version &+= 1
            state.entries.removeAll(keepingCapacity: true)
        }
    }

    /// The lesson's context, from memory or read from `store`; nil when there is no such lesson.
    func context(_ lessonId: String, store: any Store) throws -> LessonContext? {
        let now = DispatchTime.now().uptimeNanoseconds
        let (cached, version) = state.withLock { ($0.entries[lessonId], $0.version) }
        if let cached, isFresh(cached, at: now) { return cached.context }
        let settings = self.settings
        guard let loaded = try store.readNow({ tx in try LessonContext.load(tx.progress, lessonId: lessonId, settings: settings) }) else { return nil }
        state.withLock { state in
            // A change that raced with the read must not be hidden by a stale entry.
            if state.version == version { state.entries[lessonId] = Entry(context: loaded, cachedAt: now) }
        }
        return loaded
    }

    private func isFresh(_ entry: Entry, at now: UInt64) -> Bool {
        guard let lifetimeNanoseconds else { return true }
        return now &- entry.cachedAt < lifetimeNanoseconds
    }
}
