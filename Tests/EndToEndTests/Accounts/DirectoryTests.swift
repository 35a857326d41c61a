import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("Regions, schools and their imports")
struct DirectoryTests {
    @Test("the sample directory is loaded on first start: real codes with Beijing Dongcheng 110101")
    func sample() throws {
        let daemon = try LiveDaemon()
        let provinces = try daemon.call("region.list")["regions"]?.arrayValue ?? []
        #expect(provinces.contains { $0["code"] == "110000" && $0["name"] == "北京市" })
        let beijing = try daemon.call("region.list", ["parentCode": "110000"])["regions"]?.arrayValue ?? []
        #expect(beijing.contains { $0["code"] == "110101" && $0["name"] == "东城区" && $0["level"] == "county" })
        let jinan = try daemon.call("region.list", ["parentCode": "370100"])["regions"]?.arrayValue ?? []
        #expect(jinan.contains { $0["code"] == "370102" && $0["parentCode"] == "370100" })
        let dongcheng = try daemon.call("school.search", ["regionCode": "110101"])["schools"]?.arrayValue ?? []
        #expect(dongcheng.count >= 3)
        #expect(dongcheng.last?["isOther"] == true)
        #expect(dongcheng.dropLast().allSatisfy { $0["isOther"] == false && $0["regionCode"] == "110101" })
    }

    @Test("school.search by province, city and nationwide fragment; short fragments need a region")
    func search() throws {
        let daemon = try LiveDaemon()
        let province = try daemon.call("school.search", ["regionCode": "110000", "query": "中学"])["schools"]?.arrayValue ?? []
        #expect(!province.isEmpty)
        #expect(province.allSatisfy { $0["regionCode"]?.stringValue?.hasPrefix("11") == true && $0["name"]?.stringValue?.contains("中学") == true })
        let nationwide = try daemon.call("school.search", ["query": "实验中学"])["schools"]?.arrayValue ?? []
        #expect(nationwide.map { $0["name"] } == ["山东省实验中学"])
        #expect(rpcError { try daemon.call("school.search", ["query": "中学"]) }?.fieldReasons == ["query": "tooShort"])
        #expect(rpcError { try daemon.call("school.search", [:]) }?.fieldReasons == ["regionCode": "required"])
        #expect(rpcError { try daemon.call("school.search", ["regionCode": "990101"]) }?.reason == "region.unknown")
    }

    @Test("yanxiuctl imports regions and schools from CSV, idempotently on the code, and every new county gets 其他")
    func imports() throws {
        let daemon = try LiveDaemon()
        let regions = daemon.directory + "/regions.csv"
        let schools = daemon.directory + "/schools.csv"
        try "code,name\n130000,河北省\n130100,石家庄市\n130102,长安区\n13010X,坏行\n".write(toFile: regions, atomically: true, encoding: .utf8)
        try "code,name,regionCode\nH001,石家庄市第一中学,130102\nH002,\"石家庄市第二中学, 本部\",130102\nH003,无县学校,130100\n".write(toFile: schools, atomically: true, encoding: .utf8)
        let ctl = [LiveDaemon.ctlPath, "--socket", daemon.socketPath, "--json"]
        let first = try run(LiveDaemon.ctlPath, Array(ctl.dropFirst()) + ["regions", "import", regions])
        #expect(first.status == 0)
        #expect(first.output.contains(#""inserted":3"#))
        #expect(first.output.contains(#"{"line":5,"reason":"code"}"#))
        let imported = try run(LiveDaemon.ctlPath, Array(ctl.dropFirst()) + ["schools", "import", schools])
        #expect(imported.output.contains(#""inserted":2"#))
        #expect(imported.output.contains(#"{"line":4,"reason":"regionCode"}"#))
        let again = try run(LiveDaemon.ctlPath, Array(ctl.dropFirst()) + ["schools", "import", schools])
        #expect(again.output.contains(#""inserted":0"#))
        #expect(again.output.contains(#""unchanged":2"#))
        let found = try daemon.call("school.search", ["regionCode": "130102"])["schools"]?.arrayValue ?? []
        #expect(found.compactMap { $0["name"]?.stringValue } == ["石家庄市第一中学", "石家庄市第二中学, 本部", "其他"])
        #expect(try daemon.call("region.list", ["parentCode": "130100"])["regions"]?.arrayValue?.first?["code"] == "130102")
    }

    @Test("yanxiuctl splits a CSV into chunks where the daemon reads records, and refuses a file that is not CSV")
    func importChunksAndMalformedFiles() throws {
        let daemon = try LiveDaemon()
        let ctl = ["--socket", daemon.socketPath, "--json"]
        // Two chunks (5,000 records at most each), a BOM, CRLF line ends, a quoted name holding a
        // comma and doubled quotes, and one whose line break must not end its record: that row is
        // refused whole for its name, not cut in two.
        var text = "\u{FEFF}code,name,regionCode\r\n"
        for n in 1...6_000 { text += "C\(n),东城区测试学校\(n),110101\r\n" }
        text += "C6001,\"东城区\"\"甲乙\"\"学校, 本部\",110101\r\n"
        text += "C6002,\"东城区换行\r\n学校\",110101\r\n"
        let schools = daemon.directory + "/many-schools.csv"
        try text.write(toFile: schools, atomically: true, encoding: .utf8)
        let imported = try run(LiveDaemon.ctlPath, ctl + ["schools", "import", schools])
        #expect(imported.status == 0, "\(imported.output)")
        #expect(imported.output.contains(#""inserted":6001"#))
        #expect(imported.output.contains(#""rejectedCount":1"#))
        #expect(imported.output.contains(#""reason":"name""#))
        let found = try daemon.call("school.search", ["regionCode": "110101", "query": "甲乙"])["schools"]?.arrayValue ?? []
        #expect(found.filter { $0["isOther"] == false }.compactMap { $0["name"]?.stringValue } == ["东城区\"甲乙\"学校, 本部"])

        let broken = daemon.directory + "/broken.csv"
        try "code,name,regionCode\nD001,好学校,110101\nD002,坏\"学校,110101\n".write(toFile: broken, atomically: true, encoding: .utf8)
        let refused = try run(LiveDaemon.ctlPath, ctl + ["schools", "import", broken])
        #expect(refused.status == 64)
        #expect(refused.output.contains("broken.csv:3: not CSV (quote)"), "\(refused.output)")
        let none = try daemon.call("school.search", ["regionCode": "110101", "query": "好学校"])["schools"]?.arrayValue ?? []
        #expect(none.allSatisfy { $0["isOther"] == true })
    }

    @Test("rpc.discover documents every account, school and audit method")
    func discover() throws {
        let daemon = try LiveDaemon()
        let names = try daemon.call("rpc.discover")["methods"]?.arrayValue?.compactMap { $0["name"]?.stringValue } ?? []
        for name in [
            "sms.requestCode", "sms.outbox", "account.register", "account.login", "account.logout", "account.changePassword", "account.me",
            "account.get", "account.setIdentity", "account.updateBasicInfo", "account.updateDetails", "account.changePhone", "account.rebindPhone",
            "region.list", "region.import", "school.search", "school.create", "school.import", "school.pendingTeachers", "school.verifyTeacher",
            "school.removeTeacher", "admin.grant", "admin.revoke", "admin.list", "audit.list",
        ] {
            #expect(names.contains(name), "\(name)")
        }
    }
}
