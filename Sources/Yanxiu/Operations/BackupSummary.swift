/// What one backup produced.
public struct BackupSummary: Sendable, Equatable, Codable {
    public var path: String
    public var bytes: Int64
    public var pages: Int
    public var milliseconds: Int64
    /// Daemon time (ms since the epoch) the backup finished; set when it is recorded.
    public var at: Int64 = 0

    public init(path: String, bytes: Int64, pages: Int, milliseconds: Int64, at: Int64 = 0) {
        self.path = path
        self.bytes = bytes
        self.pages = pages
        self.milliseconds = milliseconds
        self.at = at
    }
}
