import Foundation
import JSONRPC
import Yanxiu

/// Where one `admin.backup` writes, read from its params: a named file, or a dated file in a
/// folder whose older dated copies are rotated away.
struct BackupTarget: Sendable {
    let path: String
    let directory: String?
    let keep: Int?

    init(_ params: Params, now: Int64) throws {
        let file = params.string("path")
        let folder = params.string("directory")
        keep = params.int("keep")
        switch (file, folder) {
        case (let file?, nil):
            guard file.hasPrefix("/") else { throw RPCError.invalidParams(field: "path", reason: "not_absolute") }
            guard keep == nil else { throw RPCError.invalidParams(field: "keep", reason: "needs_directory") }
            path = file
            directory = nil
        case (nil, let folder?):
            guard folder.hasPrefix("/") else { throw RPCError.invalidParams(field: "directory", reason: "not_absolute") }
            directory = folder
            path = (folder as NSString).appendingPathComponent(BackupFiles.datedName(atMs: now))
        case (nil, nil):
            throw RPCError.invalidParams(field: "path", reason: "required")
        case (_?, _?):
            throw RPCError.invalidParams(field: "directory", reason: "exclusive_with_path")
        }
    }

    /// Creates the dated copies' folder (owner only: a backup holds every phone and ID number).
    func prepareFolder() throws {
        guard let directory else { return }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw BackupError.io("cannot create \(directory): \(error.localizedDescription)")
        }
    }

    /// Deletes the dated copies beyond `keep`; returns their names.
    func rotate() throws -> [String] {
        guard let directory, let keep else { return [] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let doomed = BackupFiles.toRotate(names, keep: keep)
        for name in doomed {
            try FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
        }
        return doomed
    }
}
