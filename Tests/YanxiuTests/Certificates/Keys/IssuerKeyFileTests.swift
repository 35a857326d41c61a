import Foundation
import Testing
@testable import Yanxiu

/// The issuer key file: created once, private, read back the same.
@Suite("Issuer key file")
struct IssuerKeyFileTests {
    func temporaryPath() throws -> String {
        let folder = NSTemporaryDirectory() + "yanxiu-key-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        return folder + "/issuer-key"
    }

    @Test("the first start creates a key readable by its owner only; later starts read the same key")
    func createdOnceWithMode0600() throws {
        let path = try temporaryPath()
        let (created, wasCreated) = try IssuerKeyFile.loadOrCreate(path: path)
        #expect(wasCreated)
        let mode = try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
        #expect(mode == 0o600)
        #expect(!IssuerKeyFile.isReadableByOthers(path: path))
        let (again, createdAgain) = try IssuerKeyFile.loadOrCreate(path: path)
        #expect(!createdAgain)
        #expect(again.did == created.did)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("z3u2"))
    }

    @Test("a file that holds no key is refused, not replaced")
    func garbageRefused() throws {
        let path = try temporaryPath()
        try "not a key\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: IssuerKeyFile.Failure.self) { try IssuerKeyFile.loadOrCreate(path: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "not a key\n")
    }

    @Test("a provided key file that is missing is an error")
    func missingProvidedFile() throws {
        #expect(throws: IssuerKeyFile.Failure.self) { try IssuerKeyFile.load(path: try temporaryPath()) }
    }
}
