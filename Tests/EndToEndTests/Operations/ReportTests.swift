import Foundation
import JSONRPC
import Testing
import YanxiuClient

@Suite("report.topic on a programme built through the API")
struct ReportTests {
    func fixture() throws -> ReportFixture { try ReportFixture.shared.get() }

    static func figures(_ row: JSONValue?) -> [Int64] {
        ["enrolled", "declaredMentalHealth", "declaredHomeroom", "verifiedMentalHealth", "verifiedHomeroom", "lessonsCompleted", "qualifying", "certificates"]
            .map { row?[$0]?.int64Value ?? -1 }
    }

    @Test("counties: enrolments, declared and verified roles, lessons, qualifying teachers, certificates, mean hours")
    func byCounty() throws {
        let report = try fixture().report(["groupBy": "county"])
        let rows = report["rows"]?.arrayValue ?? []
        #expect(rows.map { $0["name"]?.stringValue } == ["东城区", "西城区", "罗湖区"])
        #expect(rows.map { $0["parentName"]?.stringValue } == ["北京市", "北京市", "广东省"], "counties name their province")
        // 王芳 (homeroom, verified, 10 lessons: qualifies, certificate) and 李伟 (mental health, verified, 3 lessons).
        #expect(Self.figures(rows[0]) == [2, 1, 1, 1, 1, 13, 1, 1])
        #expect(rows[0]["meanRecognisedHours"]?.doubleValue == 10)
        // 欧阳娜娜 declared both roles and was never verified.
        #expect(Self.figures(rows[1]) == [1, 1, 1, 0, 0, 1, 0, 0])
        #expect(Self.figures(rows[2]) == [1, 0, 1, 0, 1, 0, 0, 0])
        #expect(Self.figures(report["total"]) == [4, 2, 3, 1, 2, 14, 1, 1])
        #expect(report["total"]?["recognisedHours"]?.doubleValue == 10)
    }

    @Test("a county administrator sees only their county, and is refused outside it")
    func countyAdministrator() throws {
        let fixture = try fixture()
        let session = JSONValue.string(fixture.admins["东城区"]!.session)
        let report = try fixture.report(["groupBy": "school", "session": session])
        #expect(report["rows"]?.arrayValue?.map { $0["name"]?.stringValue } == ["北京市第二中学"])
        #expect(Self.figures(report["total"]) == [2, 1, 1, 1, 1, 13, 1, 1])
        let otherCounty = rpcError { try fixture.report(["session": session, "regionCode": "440303"]) }
        #expect(otherCounty?.code == 403 && otherCounty?.reason == "auth.forbidden")
        let otherSchool = rpcError { try fixture.report(["session": session, "schoolId": .int64(fixture.schools["深圳中学"]!)]) }
        #expect(otherSchool?.code == 403)
    }

    @Test("a school administrator sees only their school; a teacher and an anonymous peer see nothing")
    func schoolAdministratorAndOthers() throws {
        let fixture = try fixture()
        let report = try fixture.report(["groupBy": "province", "session": .string(fixture.admins["深圳中学"]!.session)])
        #expect(report["rows"]?.arrayValue?.count == 1)
        #expect(Self.figures(report["total"]) == [1, 0, 1, 0, 1, 0, 0, 0])
        let teacher = rpcError { try fixture.report(["session": .string(fixture.teachers["王芳"]!.session)]) }
        #expect(teacher?.code == 403 && teacher?.reason == "auth.forbidden")
        let anonymous = try runAsNobody([LiveDaemon.ctlPath, "--socket", fixture.daemon.socketPath, "report", "topic", "mh-2023-winter"])
        #expect(anonymous.status == 1 && anonymous.stdout.contains("session.unknown"))
    }

    @Test("operators narrow by region or school; unknown topics and regions are 404")
    func narrowing() throws {
        let fixture = try fixture()
        let beijing = try fixture.report(["groupBy": "county", "regionCode": "110000"])
        #expect(beijing["rows"]?.arrayValue?.map { $0["key"]?.stringValue } == ["110101", "110102"])
        let one = try fixture.report(["groupBy": "school", "schoolId": .int64(fixture.schools["北京市第四中学"]!)])
        #expect(Self.figures(one["total"]) == [1, 1, 1, 0, 0, 1, 0, 0])
        #expect(rpcError { try fixture.daemon.call("report.topic", ["topicId": "no-such-topic"]) }?.reason == "topic.unknown")
        #expect(rpcError { try fixture.report(["regionCode": "999999"]) }?.reason == "region.unknown")
    }

    @Test("yanxiuctl prints an aligned table: Chinese characters take two columns")
    func tableGolden() throws {
        let fixture = try fixture()
        let result = try fixture.yanxiuctl(["report", "topic", "mh-2023-winter", "--by", "county"])
        #expect(result.status == 0)
        let expected = """
            代码    县区    省份    报名  申报心理  申报班主任  认定心理  认定班主任  完成课次  合格  证书  人均认定学时
            ------  ------  ------  ----  --------  ----------  --------  ----------  --------  ----  ----  ------------
            110101  东城区  北京市     2         1           1         1           1        13     1     1         10.00
            110102  西城区  北京市     1         1           1         0           0         1     0     0          0.00
            440303  罗湖区  广东省     1         0           1         0           1         0     0     0          0.00
            ------  ------  ------  ----  --------  ----------  --------  ----------  --------  ----  ----  ------------
            合计                       4         2           3         1           2        14     1     1         10.00

            """
        #expect(result.output == expected)
    }

    @Test("yanxiuctl writes RFC 4180 CSV in UTF-8, with a byte-order mark on request")
    func csvGolden() throws {
        let fixture = try fixture()
        let file = fixture.daemon.directory + "/report.csv"
        let result = try fixture.yanxiuctl(["report", "topic", "mh-2023-winter", "--by", "school", "--csv", file, "--bom"])
        #expect(result.status == 0)
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let ids = ["北京市第二中学", "北京市第四中学", "深圳中学"].map { String(fixture.schools[$0]!) }
        let expected = "学校ID,学校,县区,报名,申报心理,申报班主任,认定心理,认定班主任,完成课次,合格,证书,人均认定学时\r\n"
            + "\(ids[0]),北京市第二中学,东城区,2,1,1,1,1,13,1,1,10.00\r\n"
            + "\(ids[1]),北京市第四中学,西城区,1,1,1,0,0,1,0,0,0.00\r\n"
            + "\(ids[2]),深圳中学,罗湖区,1,0,1,0,1,0,0,0,0.00\r\n"
            + "合计,,,4,2,3,1,2,14,1,1,10.00\r\n"
        #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self) == expected)
        let plain = try fixture.yanxiuctl(["report", "topic", "mh-2023-winter", "--by", "province", "--csv", "-"])
        #expect(plain.output.hasPrefix("代码,省份,报名"), "no byte-order mark unless asked")
    }
}
