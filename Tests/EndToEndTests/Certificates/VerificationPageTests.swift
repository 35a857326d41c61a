import Foundation
import JSONRPC
import Testing

/// The verification page (contrib/verify/) in a real headless Chromium: genuine, tampered,
/// revoked, foreign-signed, truncated and non-certificate files each get their verdict.
///
/// `YANXIU_UPDATE_SCREENSHOTS=1` copies the screenshots of the genuine, tampered and revoked
/// results into contrib/verify/screenshots/ for the README.
@Suite("Verification page", .serialized)
struct VerificationPageTests {
    func ctl(_ daemon: LiveDaemon, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run(LiveDaemon.ctlPath, ["--socket", daemon.socketPath] + arguments)
    }

    func render(_ daemon: LiveDaemon, serial: String, to path: String) throws {
        #expect(try ctl(daemon, ["certificates", "render", "--serial", serial, "--out", path]).status == 0)
    }

    /// The page copied beside the test files, with `config.js` written for this daemon's issuer.
    func page(into directory: String, config: String) throws -> String {
        let page = directory + "/page"
        try FileManager.default.createDirectory(atPath: page, withIntermediateDirectories: true)
        for file in ["index.html", "style.css", "verify.js"] {
            try FileManager.default.copyItem(atPath: Paths.file("contrib/verify/\(file)").path, toPath: page + "/" + file)
        }
        try FileManager.default.copyItem(atPath: config, toPath: page + "/config.js")
        return page
    }

    static let jcsNames = ["arrays", "french", "structures", "unicode", "values", "weird"]

    /// The RFC 8785 test data and the W3C eddsa-jcs-2022 vector of `Tests/YanxiuCredentialsTests/Fixtures`.
    static func vectors() throws -> JSONValue {
        let fixtures = "Tests/YanxiuCredentialsTests/Fixtures/"
        func text(_ path: String) throws -> String { try String(contentsOf: Paths.file(fixtures + path), encoding: .utf8) }
        let jcs = try jcsNames.map { name -> JSONValue in
            [.string(try text("jcs/input/\(name).json")), .string(try text("jcs/output/\(name).json"))]
        }
        return [
            "jcs": .array(jcs), "signed": .string(try text("eddsa-jcs-2022/signed.json")),
            "publicKey": "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
        ]
    }

    @Test("genuine, tampered, revoked, foreign-signed, truncated and non-certificate files at a phone's width")
    func verdicts() throws {
        let daemon = try CertificateEndToEndTests.seededDaemon()
        let directory = daemon.directory
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let revokedSerial = try #require(try daemon.call("certificate.get", [
            "session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId),
        ])["serial"]?.stringValue)
        try render(daemon, serial: revokedSerial, to: directory + "/revoked.pdf")
        #expect(try ctl(daemon, ["certificates", "revoke", revokedSerial, "--reason", "学时有误"]).status == 0)
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let own = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        let serial = try #require(own["serial"]?.stringValue)
        let document = try #require(own["document"])
        try render(daemon, serial: serial, to: directory + "/genuine.pdf")
        let list = directory + "/status-1.json"
        let config = directory + "/config.js"
        #expect(try ctl(daemon, ["certificates", "status-list", "--out", list, "--page-config", config]).status == 0)

        try JSONWriter.string(document).write(toFile: directory + "/genuine.json", atomically: true, encoding: .utf8)
        try JSONWriter.string(document).replacingOccurrences(of: "\"recognisedHours\":12", with: "\"recognisedHours\":20")
            .write(toFile: directory + "/tampered.json", atomically: true, encoding: .utf8)
        #expect(try Python.script("resign.py", [directory + "/genuine.json", directory + "/foreign.json"]).status == 0)
        // As certificates were before status lists: no credentialStatus, signed with the issuer's key.
        guard case .object(let members) = document else { throw CocoaError(.fileReadCorruptFile) }
        try JSONWriter.string(.object(JSONObject(members.members.filter { $0.key != "credentialStatus" })))
            .write(toFile: directory + "/legacy-template.json", atomically: true, encoding: .utf8)
        let key = try LiveDaemon.issuerKey(directory: directory)
        #expect(try Python.script("resign.py", ["--key", key, directory + "/legacy-template.json", directory + "/legacy.json"]).status == 0)
        let pdf = try #require(FileManager.default.contents(atPath: directory + "/genuine.pdf"))
        try pdf.prefix(pdf.count * 2 / 3).write(to: URL(fileURLWithPath: directory + "/truncated.pdf"))
        try String(JSONWriter.string(document).prefix(300)).write(toFile: directory + "/truncated.json", atomically: true, encoding: .utf8)
        try "研修计划\n".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let credential = directory + "/attached.json"
        #expect(try run("/usr/bin/pdfdetach", ["-save", "1", "-o", credential, directory + "/genuine.pdf"]).status == 0)
        let digest = CertificatePrintTests.digest(Array(try #require(FileManager.default.contents(atPath: credential))))

        let page = try page(into: directory, config: config)
        // The same page with its signature check broken: the test must notice.
        let broken = directory + "/broken"
        try FileManager.default.copyItem(atPath: page, toPath: broken)
        let script = try String(contentsOfFile: broken + "/verify.js", encoding: .utf8)
        let check = "await crypto.subtle.verify({ name: \"Ed25519\" }, key, signature, hashData)"
        #expect(script.contains(check))
        try script.replacingOccurrences(of: check, with: "true").write(toFile: broken + "/verify.js", atomically: true, encoding: .utf8)

        // A page whose issuers also name the foreign key stands for one after a key change:
        // certificates of the earlier key are accepted.
        let rotated = directory + "/rotated"
        try FileManager.default.copyItem(atPath: page, toPath: rotated)
        #expect(try Python.script("resign.py", ["--as-issuer", directory + "/genuine.json", directory + "/earlier.json"]).status == 0)
        let earlier = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: directory + "/earlier.json"))))
        let earlierDID = try #require(earlier["issuer"]?["id"]?.stringValue)
        let issuerDID = try #require(document["issuer"]?["id"]?.stringValue)
        #expect(try String(contentsOfFile: config, encoding: .utf8).contains("issuers: [\"\(issuerDID)\"]"))
        try """
            window.YANXIU_VERIFY = { issuer: "\(issuerDID)", issuers: ["\(issuerDID)", "\(earlierDID)"], issuerName: "平台" };
            """.write(toFile: rotated + "/config.js", atomically: true, encoding: .utf8)
        let shots = directory + "/shots"
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        func testCase(_ name: String, _ file: String, list: Bool = false, page: String = page, query: String = "", shot: Bool = false) -> JSONValue {
            var object: JSONObject = ["name": .string(name), "page": .string(page), "file": .string(directory + "/" + file)]
            if list { object["statusList"] = .string(directory + "/status-1.json") }
            if !query.isEmpty { object["query"] = .string(query) }
            if shot { object["screenshot"] = .string("\(shots)/\(name).png") }
            return .object(object)
        }
        let cases: JSONValue = [
            testCase("genuine", "genuine.pdf", list: true, query: "?serial=\(serial)&sha256=\(digest)", shot: true),
            testCase("genuine-json", "genuine.json", list: true),
            testCase("genuine-no-list", "genuine.json"),
            testCase("tampered", "tampered.json", list: true, shot: true),
            testCase("revoked", "revoked.pdf", list: true, shot: true),
            testCase("foreign", "foreign.json", list: true),
            testCase("earlier-key", "earlier.json", list: true, page: rotated),
            testCase("earlier-key-unknown", "earlier.json", list: true),
            testCase("legacy", "legacy.json", list: true),
            testCase("truncated", "truncated.pdf"),
            testCase("truncated-json", "truncated.json"),
            testCase("list-as-certificate", "status-1.json"),
            testCase("text", "notes.txt"),
            testCase("tampered-on-broken-page", "tampered.json", list: true, page: broken),
            ["name": "vectors", "page": .string(page), "vectors": try Self.vectors()],
        ]
        try JSONWriter.string(cases).write(toFile: directory + "/cases.json", atomically: true, encoding: .utf8)
        let outcome = try Python.script("verify_page.py", ["--cases", directory + "/cases.json", "--out", directory + "/results.json"])
        try #require(outcome.status == 0, "\(outcome.output)")
        let report = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: directory + "/results.json"))))
        let major = Int(report["browserVersion"]?.stringValue?.split(separator: ".").first ?? "") ?? 0
        #expect(major >= 137, "Chromium \(major) lacks Ed25519 in WebCrypto")
        var results: [String: JSONValue] = [:]
        for result in report["results"]?.arrayValue ?? [] { results[result["name"]?.stringValue ?? ""] = result }

        func expect(_ name: String, _ state: String, _ title: String, sourceLocation: SourceLocation = #_sourceLocation) {
            let result = results[name]
            #expect(result?["state"]?.stringValue == state, "\(name): \(result.map { JSONWriter.string($0) } ?? "no result")", sourceLocation: sourceLocation)
            #expect(result?["title"]?.stringValue == title, "\(name): \(result.map { JSONWriter.string($0) } ?? "no result")", sourceLocation: sourceLocation)
            #expect(result?["overflows"] == false, "\(name) is wider than a phone's screen", sourceLocation: sourceLocation)
        }
        expect("genuine", "valid", "✓ 证书有效")
        let fields = results["genuine"]?["fields"]
        #expect(fields?["持证人"] == "王小明")
        #expect(fields?["学校"] == "北京市海淀区 海淀区示例第一小学")
        #expect(fields?["培训"] == "心理健康教育教师培训")
        #expect(fields?["认定学时"] == "12 学时")
        #expect(fields?["证书编号"] == .string(serial))
        #expect(fields?["发证机构"] == document["issuer"]?["name"])
        #expect(fields?["发证日期"]?.stringValue?.hasSuffix("日") == true)
        #expect(fields?["撤销状态"]?.stringValue?.hasPrefix("未撤销") == true)
        #expect(fields?["二维码"] == "与此文件一致")
        expect("genuine-json", "valid", "✓ 证书有效")
        expect("genuine-no-list", "valid", "✓ 证书有效")
        #expect(results["genuine-no-list"]?["fields"]?["撤销状态"]?.stringValue?.hasPrefix("未核验") == true)
        expect("tampered", "tampered", "✗ 证书内容已被改动")
        #expect(results["tampered"]?["fields"]?["注意"]?.stringValue?.contains("不可采信") == true)
        #expect(results["genuine"]?["fields"]?["注意"] == nil)
        expect("revoked", "revoked", "✗ 证书已撤销")
        #expect(results["revoked"]?["fields"]?["撤销状态"]?.stringValue?.hasPrefix("已撤销") == true)
        expect("foreign", "foreign", "✗ 非本平台签发")
        expect("earlier-key", "valid", "✓ 证书有效")
        expect("earlier-key-unknown", "foreign", "✗ 非本平台签发")
        expect("legacy", "valid", "✓ 证书有效")
        #expect(results["legacy"]?["fields"]?["撤销状态"]?.stringValue?.hasPrefix("未知：此证书签发于启用状态列表之前") == true)
        expect("truncated", "truncated", "✗ 文件不完整")
        expect("truncated-json", "truncated", "✗ 文件不完整")
        expect("list-as-certificate", "not-certificate", "✗ 不是证书文件")
        expect("text", "not-certificate", "✗ 不是证书文件")
        // With the signature check removed, the tampered file passes: the verdicts above come from it.
        #expect(results["tampered-on-broken-page"]?["state"] == "valid")
        // The page's own RFC 8785 and eddsa-jcs-2022 code on the public test data.
        let vectors = results["vectors"]
        #expect(vectors?["jcs"] == .array(Array(repeating: true, count: Self.jcsNames.count)), "\(vectors.map { JSONWriter.string($0) } ?? "")")
        #expect(vectors?["genuine"]?["ok"] == true && vectors?["altered"]?["ok"] == false, "\(vectors.map { JSONWriter.string($0) } ?? "")")

        if ProcessInfo.processInfo.environment["YANXIU_UPDATE_SCREENSHOTS"] == "1" {
            let target = Paths.file("contrib/verify/screenshots").path
            try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: true)
            for name in ["genuine", "tampered", "revoked"] {
                try? FileManager.default.removeItem(atPath: "\(target)/\(name).png")
                try FileManager.default.copyItem(atPath: "\(shots)/\(name).png", toPath: "\(target)/\(name).png")
            }
        }
        #expect(daemon.stop() == 0)
    }

    @Test("served over http, the page fetches the status list the certificate names")
    func fetchedStatusList() throws {
        let directory = LiveDaemon.makeDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let port = Int.random(in: 30_000..<60_000)
        let settings = ["sample-directory": "none", "first-start-topic": "none", "verification-url": "http://127.0.0.1:\(port)/verify/"]
        #expect(try LiveDaemon(config: settings, directory: directory).stop() == 0)
        try CertificateSeed.write(into: directory)
        let daemon = try LiveDaemon(config: settings, directory: directory)
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let revoked = try #require(try daemon.call("certificate.get", [
            "session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId),
        ])["serial"]?.stringValue)
        try render(daemon, serial: revoked, to: directory + "/revoked.pdf")
        #expect(try ctl(daemon, ["certificates", "revoke", revoked, "--reason", "学时有误"]).status == 0)
        #expect(try daemon.call("certificate.issue", ["topicId": .string(CertificateSeed.topicId)])["issued"] == 1)
        let own = try daemon.call("certificate.get", ["session": .string(CertificateSeed.token), "topicId": .string(CertificateSeed.topicId)])
        try JSONWriter.string(own["document"] ?? .null).write(toFile: directory + "/genuine.json", atomically: true, encoding: .utf8)

        // The site: the page, its config and the list at the address the certificates name.
        let site = directory + "/site"
        try FileManager.default.createDirectory(atPath: site, withIntermediateDirectories: true)
        let config = directory + "/config.js"
        let list = directory + "/status-1.json"
        #expect(try ctl(daemon, ["certificates", "status-list", "--out", list, "--page-config", config]).status == 0)
        let page = try page(into: site, config: config)
        try FileManager.default.moveItem(atPath: page, toPath: site + "/verify")
        try FileManager.default.copyItem(atPath: list, toPath: site + "/verify/status-1.json")
        #expect(daemon.stop() == 0)

        let url = "http://127.0.0.1:\(port)/verify/index.html"
        let cases: JSONValue = [
            ["name": "genuine", "url": .string(url), "file": .string(directory + "/genuine.json")],
            ["name": "revoked", "url": .string(url), "file": .string(directory + "/revoked.pdf")],
        ]
        try JSONWriter.string(cases).write(toFile: directory + "/cases.json", atomically: true, encoding: .utf8)
        let outcome = try Python.script("verify_page.py", [
            "--cases", directory + "/cases.json", "--out", directory + "/results.json", "--serve", site, "--port", String(port),
        ])
        try #require(outcome.status == 0, "\(outcome.output)")
        let report = try JSONParser.parse(Array(try #require(FileManager.default.contents(atPath: directory + "/results.json"))))
        let results = report["results"]?.arrayValue ?? []
        #expect(results.first?["state"] == "valid", "\(JSONWriter.string(report))")
        #expect(results.first?["fields"]?["撤销状态"]?.stringValue?.hasPrefix("未撤销") == true, "\(JSONWriter.string(report))")
        #expect(results.last?["state"] == "revoked", "\(JSONWriter.string(report))")
    }
}
