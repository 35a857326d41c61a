import Foundation

/// File-system steps of a backup: durable renames and the rotation of dated copies.
public enum BackupFiles {
    /// The name of a dated backup, sortable as text: `yanxiu-20230301T020000Z.sqlite`.
    public static func datedName(atMs ms: Int64) -> String {
        let date = Date(timeIntervalSince1970: Double(ms) / 1000)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "yanxiu-%04d%02d%02dT%02d%02d%02dZ.sqlite", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// Whether `name` is one of ours (so rotation never deletes a file it did not make).
    public static func isDatedName(_ name: String) -> Bool {
        guard name.hasPrefix("yanxiu-"), name.hasSuffix("Z.sqlite") else { return false }
        let stamp = name.dropFirst("yanxiu-".count).dropLast("Z.sqlite".count)
        return stamp.count == 15 && stamp.enumerated().allSatisfy { index, character in
            index == 8 ? character == "T" : character.isASCII && character.isNumber
        }
    }

    /// The dated backups among `names` to delete so that the newest `keep` remain.
    public static func toRotate(_ names: [String], keep: Int) -> [String] {
        let ours = names.filter(isDatedName).sorted(by: >)
        return Array(ours.dropFirst(max(keep, 1)))
    }

    /// Flushes a file or folder to disk (a rename is durable only once its folder is synced).
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw BackupError.io("cannot open \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw BackupError.io("cannot sync \(path): \(String(cString: strerror(errno)))") }
    }
}
