import Foundation
import JSONRPC
import Testing

/// Revocation anyone can check: the W3C Bitstring Status List the daemon signs, read by
/// `yanxiuctl certificates verify --status-list` and by an independent Python checker.
@Suite("Certificate status lists", .serialized)
struct CertificateStatusListTests {
    func ctl(_ daemon: LiveDaemon, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath] + arguments)
    }

    func ownDocument(_ daemon: LiveDaemon) throws -> JSONValue {
        try #require(try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])["document"])
    }

    func write(_ value: JSONValue, _ path: String) throws {
        try JSONWriter.string(value).write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test("a certificate names its bit; revoking sets it; yanxiuctl and PyPI's rfc8785 + cryptography read the signed list alike")
    func revocationThroughTheList() throws {
        let daemon = try CertificateEndToEndTests.seededDaemon()
        let directory = daemon.directory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let none = try #require(throws: RPCError.self) { try daemon.call("certificate.statusList", [:]) }
        #expect(none.code == 404 && none.reason == "status_list.unknown")

        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let first = try ownDocument(daemon)
        let status = try #require(first["credentialStatus"])
        #expect(status["type"] == "BitstringStatusListEntry" && status["statusPurpose"] == "revocation")
        #expect(status["statusListCredential"] == "urn:yanxiu:status-list:1")
        let firstIndex = try #require(status["statusListIndex"]?.stringValue.flatMap { Int($0) })
        #expect(firstIndex >= 0 && firstIndex < 131_072)
        let serial = try #require(first["credentialSubject"]?["serial"]?.stringValue)
        #expect(try ctl(daemon, ["certificates", "revoke", serial, "--reason", "学时有误"]).status == 0)
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let second = try ownDocument(daemon)
        let secondIndex = try #require(second["credentialStatus"]?["statusListIndex"]?.stringValue.flatMap { Int($0) })
        #expect(secondIndex != firstIndex && secondIndex >= 0 && secondIndex < 131_072)
        // The list's bits, in the database: the first certificate's is the revoked one.
        let rows = try StateDatabase.run(
            "SELECT status_index, CASE WHEN revoked_at IS NULL THEN 0 ELSE 1 END FROM certificate ORDER BY issued_at, serial", directory: directory)
        #expect(rows.contains("\(firstIndex)|1") && rows.contains("\(secondIndex)|0"), "\(rows)")

        let list = directory + "/status-1.json"
        let config = directory + "/config.js"
        let published = try ctl(daemon, ["certificates", "status-list", "--out", list, "--page-config", config])
        #expect(published.status == 0 && published.output.contains("1 revoked"), "\(published.output)")
        let credential = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: list))))
        #expect(credential["type"] == ["VerifiableCredential", "BitstringStatusListCredential"])
        #expect(credential["id"] == "urn:yanxiu:status-list:1")
        #expect(credential["credentialSubject"]?["encodedList"]?.stringValue?.hasPrefix("u") == true)
        let issuer = try #require(first["issuer"]?["id"]?.stringValue)
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains("issuer: \"\(issuer)\""))
        let other = try #require(throws: RPCError.self) { try daemon.call("certificate.statusList", ["list": 2]) }
        #expect(other.code == 404 && other.reason == "status_list.unknown")

        let revoked = directory + "/revoked.json"
        let genuine = directory + "/genuine.json"
        let tampered = directory + "/tampered.json"
        try write(first, revoked)
        try write(second, genuine)
        try JSONWriter.string(second).replacingOccurrences(of: "\"recognisedHours\":12", with: "\"recognisedHours\":20")
            .write(toFile: tampered, atomically: true, encoding: .utf8)

        // yanxiuctl, offline, with the list.
        let good = try ctl(daemon, ["certificates", "verify", "--offline", "--status-list", list, genuine])
        #expect(good.status == 0 && good.output.contains("status list: not revoked (urn:yanxiu:status-list:1)"), "\(good.output)")
        let bad = try ctl(daemon, ["certificates", "verify", "--offline", "--status-list", list, revoked])
        #expect(bad.status == 1 && bad.output.contains("status list: REVOKED (certificate.revoked"), "\(bad.output)")

        // The independent checker: not our JCS, not our Ed25519, not our gzip.
        let checked = try Python.script("verify_credentials.py", ["--issuer", issuer, "--status-list", list, genuine, revoked, tampered])
        #expect(checked.status == 0, "\(checked.output)")
        let lines = checked.output.split(separator: "\n").compactMap { try? JSONParser.parse(Array($0.utf8)) }
        #expect(lines.count == 3, "\(checked.output)")
        #expect(lines.first?["signature"] == "valid" && lines.first?["status"] == "not revoked", "\(checked.output)")
        #expect(lines.dropFirst().first?["signature"] == "valid" && lines.dropFirst().first?["status"] == "revoked", "\(checked.output)")
        #expect(lines.last?["signature"]?.stringValue?.hasPrefix("invalid") == true, "\(checked.output)")
        #expect(daemon.stop() == 0)
    }

    @Test("a certificate without a status entry (issued before status lists) still verifies and its status is said to be unknown")
    func certificateWithoutEntry() throws {
        let daemon = try CertificateEndToEndTests.seededDaemon()
        let directory = daemon.directory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let list = directory + "/status-1.json"
        #expect(try ctl(daemon, ["certificates", "status-list", "--out", list]).status == 0)
        #expect(daemon.stop() == 0)
        // An old certificate: the stored one without its status entry, signed again by the same
        // daemon key, as certificates were before status lists existed.
        let old = try Self.legacyCertificate(directory: directory)
        let restarted = try LiveDaemon(config: ["sample-directory": "none", "first-start-topic": "none"], directory: directory)
        let file = directory + "/old.json"
        try write(old, file)
        let verified = try ctl(restarted, ["certificates", "verify", "--status-list", list, file])
        #expect(verified.status == 0, "\(verified.output)")
        #expect(verified.output.contains("status list: unknown: the certificate carries no status entry"), "\(verified.output)")
        #expect(verified.output.contains("issued by this platform and not revoked"), "\(verified.output)")
        #expect(restarted.stop() == 0)
    }

    /// Rewrites the stored certificate as one issued before status lists: without
    /// `credentialStatus`, signed again with the daemon's own key by the Python signer,
    /// and stored in its canonical form as the daemon stores what it issues.
    static func legacyCertificate(directory: String) throws -> JSONValue {
        let query = try StateDatabase.run("SELECT document FROM certificate LIMIT 1", directory: directory)
        guard case .object(let object) = try JSONParser.parse(Array(query.utf8)) else { throw CocoaError(.fileReadCorruptFile) }
        let template = directory + "/legacy-template.json"
        try JSONWriter.string(.object(JSONObject(object.members.filter { $0.key != "credentialStatus" })))
            .write(toFile: template, atomically: true, encoding: .utf8)
        let signed = directory + "/legacy.json"
        let key = try LiveDaemon.issuerKey(directory: directory)
        let result = try Python.script("resign.py", ["--key", key, template, signed])
        #expect(result.status == 0, "\(result.output)")
        let canonical = try String(contentsOfFile: signed, encoding: .utf8)
        let sql = "UPDATE certificate SET document = '\(canonical.replacingOccurrences(of: "'", with: "''"))', status_list_id = NULL, status_index = NULL;"
        try StateDatabase.run(sql, directory: directory)
        return try JSONParser.parse(Array(canonical.utf8))
    }
}
