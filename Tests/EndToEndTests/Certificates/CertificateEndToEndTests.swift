import Foundation
import JSONRPC
import Testing
import YanxiuClient

/// Certificates through the real daemon and yanxiuctl: issue, fetch, print, verify, revoke.
@Suite("Certificates end to end", .serialized)
struct CertificateEndToEndTests {
    /// A daemon whose database holds `CertificateSeed`, on a test clock.
    static func seededDaemon() throws -> LiveDaemon {
        // The folder is ours, not the first daemon's, so it outlives that daemon.
        let directory = LiveDaemon.makeDirectory()
        let first = try LiveDaemon(config: ["sample-directory": "none", "first-start-topic": "none"], directory: directory)
        #expect(first.stop() == 0)
        try CertificateSeed.write(into: directory)
        return try LiveDaemon(config: ["sample-directory": "none", "first-start-topic": "none"], directory: directory)
    }

    func ctl(_ daemon: LiveDaemon, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath] + arguments)
    }

    @Test("issue during and after the window, then get, verify, print and revoke")
    func fullCycle() throws {
        let daemon = try Self.seededDaemon()
        defer { try? FileManager.default.removeItem(atPath: daemon.directory) }
        if LiveDaemon.store == .sqlite {
            let keyMode = try FileManager.default.attributesOfItem(atPath: daemon.directory + "/issuer-key")[.posixPermissions] as? Int
            #expect(keyMode == 0o600)
        } else {
            // On PostgreSQL the key every daemon shares is the database's; no daemon makes a file of its own.
            #expect(!FileManager.default.fileExists(atPath: daemon.directory + "/issuer-key"))
            #expect(try LiveDaemon.issuerKey(directory: daemon.directory).hasPrefix("z3u2"))
        }

        try daemon.call("testClock.set", ["time": "2023-02-01T00:00:00+08:00"])
        let refused = try #require(throws: RPCError.self) { try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)]) }
        #expect(refused.code == 412 && refused.reason == "topic.window_open")

        try daemon.call("testClock.set", ["time": "2023-03-01T09:00:00+08:00"])
        var progress: [JSONValue] = []
        let report = try daemon.client().call("certificate.issue", ["topicId": .string(CertificateSeed.topicId), "progressToken": "t1"]) { name, params in
            if name == "$/progress" { progress.append(params) }
        }
        #expect(report["issued"] == 1 && report["alreadyHeld"] == 0)
        #expect(report["notQualified"] == ["credit.more_lessons": 1, "credit.no_verified_role": 1])
        #expect(progress.last == ["token": "t1", "done": 1, "total": 1])
        let again = try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])
        #expect(again["issued"] == 0 && again["alreadyHeld"] == 1)

        let own = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let serial = try #require(own["serial"]?.stringValue)
        let document = try #require(own["document"])
        #expect(document["credentialSubject"]?["name"] == "王小明")
        #expect(document["credentialSubject"]?["recognisedHours"] == 12)
        let bySerial = try daemon.call("certificate.verify", ["serial": .string(serial)])
        #expect(bySerial["valid"] == true && bySerial["serial"] == .string(serial))
        // What the issued certificate says, for a reader to compare with the paper in hand.
        #expect(bySerial["certificate"]?["name"] == "王小明" && bySerial["certificate"]?["recognisedHours"] == 12)
        #expect(try daemon.call("certificate.verify", ["document": document])["valid"] == true)

        let rendered = try daemon.call("certificate.render", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let pdf = try #require(rendered["pdf"]?.stringValue.flatMap { Data(base64Encoded: $0) })
        #expect(pdf.starts(with: Array("%PDF-".utf8)))

        // yanxiuctl checks the file offline and with the daemon.
        let file = daemon.directory + "/certificate.json"
        try JSONWriter.string(document).write(toFile: file, atomically: true, encoding: .utf8)
        let verified = try ctl(daemon, ["certificates", "verify", file])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("VALID") && verified.output.contains(serial))
        let offline = try run(LiveDaemon.ctlPath, ["--socket", daemon.directory + "/nobody.sock", "certificates", "verify", file])
        #expect(offline.status == 0 && offline.output.contains("unreachable"), "\(offline.output)")

        let tamperedFile = daemon.directory + "/tampered.json"
        try JSONWriter.string(document).replacingOccurrences(of: "\"recognisedHours\":12", with: "\"recognisedHours\":20")
            .write(toFile: tamperedFile, atomically: true, encoding: .utf8)
        let tampered = try ctl(daemon, ["certificates", "verify", tamperedFile])
        #expect(tampered.status == 1 && tampered.output.contains("document.altered"), "\(tampered.output)")

        let printed = daemon.directory + "/certificate.pdf"
        #expect(try ctl(daemon, ["certificates", "render", "--serial", serial, "--out", printed]).status == 0)
        #expect(FileManager.default.contents(atPath: printed)?.starts(with: Array("%PDF-".utf8)) == true)

        let revoked = try ctl(daemon, ["certificates", "revoke", serial, "--reason", "姓名有误"])
        #expect(revoked.status == 0, "\(revoked.output)")
        let afterRevoke = try ctl(daemon, ["certificates", "verify", file])
        #expect(afterRevoke.status == 1 && afterRevoke.output.contains("certificate.revoked"), "\(afterRevoke.output)")
        let revokedVerdict = try daemon.call("certificate.verify", ["serial": .string(serial)])
        #expect(revokedVerdict["valid"] == false && revokedVerdict["reason"] == "certificate.revoked")
        #expect(revokedVerdict["revocationReason"] == "姓名有误" && revokedVerdict["certificate"]?["name"] == "王小明")
        let gone = try #require(throws: RPCError.self) {
            try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        }
        #expect(gone.code == 409 && gone.reason == "certificate.revoked")

        let corrected = try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])
        #expect(corrected["issued"] == 1)
        let newSerial = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])["serial"]
        #expect(newSerial != nil && newSerial != .string(serial))
    }

    @Test("the issuer key survives a restart, and certificates issued before it still verify")
    func keyPersists() throws {
        let daemon = try Self.seededDaemon()
        let directory = daemon.directory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let report = try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])
        #expect(report["issued"] == 1)
        let own = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let key = try LiveDaemon.issuerKey(directory: directory)
        #expect(daemon.stop() == 0)

        let restarted = try LiveDaemon(config: ["sample-directory": "none", "first-start-topic": "none"], directory: directory)
        #expect(try LiveDaemon.issuerKey(directory: directory) == key)
        #expect(try restarted.call("certificate.verify", ["document": own["document"] ?? .null])["valid"] == true)
        #expect(restarted.stop() == 0)
    }
}
