import Foundation
import Glibc

/// Reads and creates the file that holds the issuer's private key.
///
/// The file holds one line, the key as a Multikey private key (`z3u2…`). It is created
/// with mode 0600 in one step (`O_EXCL`), so there is no moment when others could read it.
public enum IssuerKeyFile {
    /// The name of the file in the state folder, and of the systemd credential.
    public static let name = "issuer-key"

    /// Why the key file could not be used.
    public struct Failure: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// The key in the file at `path`.
    public static func load(path: String) throws -> IssuerKey {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(description: "cannot read the issuer key file \(path)")
        }
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        do {
            let key = try Ed25519Multikey.privateKey(multibase: text)
            return try IssuerKey(seed: Array(key.rawRepresentation))
        } catch {
            throw Failure(description: "the issuer key file \(path) does not hold an Ed25519 Multikey private key (z3u2…)")
        }
    }

    /// The key at `path`, creating a new random one there (mode 0600) when there is no file.
    /// Returns whether it was created.
    public static func loadOrCreate(path: String) throws -> (key: IssuerKey, created: Bool) {
        if FileManager.default.fileExists(atPath: path) { return (try load(path: path), false) }
        let key = IssuerKey.generate()
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            // Another process may have created it between the check and the open: use theirs.
            if errno == EEXIST { return (try load(path: path), false) }
            throw Failure(description: "cannot create the issuer key file \(path): \(String(cString: strerror(errno)))")
        }
        defer { close(fd) }
        let bytes = Array((key.multibase + "\n").utf8)
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        // The key must be on disk before any certificate it signs is committed.
        guard written == bytes.count, fsync(fd) == 0 else {
            unlink(path)
            throw Failure(description: "cannot write the issuer key file \(path)")
        }
        return (key, true)
    }

    /// Whether others than the owner may read the file: worth a warning, not a refusal.
    public static func isReadableByOthers(path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return info.st_mode & 0o077 != 0
    }
}
