import Foundation
import GRDB

extension SQLiteStore {
    /// Copies a consistent snapshot of the database into a new file at `path` while the daemon
    /// keeps serving. Blocking: call it from a Dispatch queue.
    ///
    /// SQLite's online backup API reads the source inside one read transaction of the pool, so
    /// the copy is the database as of one commit even while the writer keeps committing (WAL
    /// readers never block the writer). The copy is written beside its destination, switched to
    /// rollback-journal mode so it is one self-contained file, synced, and renamed into place:
    /// `path` either does not exist or holds a complete backup.
    public func backup(to path: String, pagesPerStep: Int32 = 4096, progress: @escaping (_ done: Int, _ total: Int) -> Void = { _, _ in }) throws -> BackupSummary {
        let started = DispatchTime.now().uptimeNanoseconds
        let partial = path + ".partial"
        let files = FileManager.default
        guard !files.fileExists(atPath: path) else { throw BackupError.exists(path) }
        try? files.removeItem(atPath: partial)
        var pages = 0
        do {
            let destination = try DatabaseQueue(path: partial)
            try pool.backup(to: destination, pagesPerStep: pagesPerStep) { step in
                pages = step.totalPageCount
                progress(step.completedPageCount, step.totalPageCount)
            }
            try destination.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
            }
            try destination.close()
            try BackupFiles.sync(partial)
            guard rename(partial, path) == 0 else { throw BackupError.io("cannot rename into \(path): \(String(cString: strerror(errno)))") }
            try BackupFiles.sync((path as NSString).deletingLastPathComponent)
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
        var info = stat()
        let bytes = stat(path, &info) == 0 ? Int64(info.st_size) : 0
        return BackupSummary(path: path, bytes: bytes, pages: pages, milliseconds: Int64((DispatchTime.now().uptimeNanoseconds - started) / 1_000_000))
    }
}
