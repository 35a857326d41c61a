import Foundation
import Testing
import Yanxiu

@Suite("Code lists of the forms")
struct CodeListsTests {
    @Test("the lists are the form fields of the design, in order")
    func fields() {
        #expect(CodeLists.fields == [
            "identity", "teacherType", "idType", "title", "stage", "subject",
            "gender", "ethnicity", "politicalStatus", "education", "itAbility",
        ])
    }

    @Test("every list is non-empty, with unique codes and unique labels", arguments: CodeLists.all)
    func wellFormed(list: CodeList) {
        #expect(!list.entries.isEmpty)
        #expect(Set(list.codes).count == list.entries.count, "duplicate code in \(list.field)")
        #expect(Set(list.entries.map(\.label)).count == list.entries.count, "duplicate label in \(list.field)")
        for entry in list.entries {
            #expect(!entry.code.isEmpty && entry.code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) })
            #expect(!entry.label.isEmpty && !entry.label.contains(where: \.isWhitespace))
        }
    }

    @Test("ethnicity: the 56 groups of GB/T 3304 in code order 01-56, then 97 and 98")
    func ethnicity() {
        let list = CodeLists.ethnicity
        let groups = "汉族 蒙古族 回族 藏族 维吾尔族 苗族 彝族 壮族 布依族 朝鲜族 满族 侗族 瑶族 白族 土家族 哈尼族 哈萨克族 傣族 黎族 傈僳族 佤族 畲族 高山族 拉祜族 水族 东乡族 纳西族 景颇族 柯尔克孜族 土族 达斡尔族 仫佬族 羌族 布朗族 撒拉族 毛南族 仡佬族 锡伯族 阿昌族 普米族 塔吉克族 怒族 乌孜别克族 俄罗斯族 鄂温克族 德昂族 保安族 裕固族 京族 塔塔尔族 独龙族 鄂伦春族 赫哲族 门巴族 珞巴族 基诺族"
            .split(separator: " ").map(String.init)
        #expect(groups.count == 56)
        #expect(list.entries.count == 58)
        let expectedCodes = (1...56).map { $0 < 10 ? "0\($0)" : "\($0)" } + ["97", "98"]
        #expect(list.codes == expectedCodes)
        #expect(Array(list.entries.prefix(56).map(\.label)) == groups)
        #expect(list.entries.prefix(56).allSatisfy { $0.label.hasSuffix("族") })
        #expect(list.label(for: "97") == "其他")
        #expect(list.label(for: "98") == "外国血统中国籍人士")
    }

    @Test("political status: the 13 codes of GB/T 4762")
    func politicalStatus() {
        let list = CodeLists.politicalStatus
        #expect(list.codes == (1...13).map { $0 < 10 ? "0\($0)" : "\($0)" })
        #expect(list.label(for: "01") == "中国共产党党员")
        #expect(list.label(for: "02") == "中国共产党预备党员")
        #expect(list.label(for: "03") == "中国共产主义青年团团员")
        #expect(list.label(for: "04") == "中国国民党革命委员会会员")
        #expect(list.label(for: "10") == "九三学社社员")
        #expect(list.label(for: "11") == "台湾民主自治同盟盟员")
        #expect(list.label(for: "12") == "无党派民主人士")
        #expect(list.label(for: "13") == "群众")
    }

    @Test("gender uses GB/T 2261.1 codes 1 and 2")
    func gender() {
        #expect(CodeLists.gender.entries == [.init(code: "1", label: "男"), .init(code: "2", label: "女")])
    }

    @Test("identity codes are those account.setIdentity takes")
    func identity() {
        #expect(CodeLists.identity.codes == ["teacher", "student", "parent", "researcher", "avStaff", "administrator"])
        #expect(CodeLists.label(field: "identity", code: "avStaff") == "电教人员")
    }

    @Test("the idType list is the set of ID types the validator knows")
    func idTypes() {
        #expect(CodeLists.idType.codes == IDType.allCases.map(\.code))
        #expect(CodeLists.idType.entries.map(\.label) == IDType.allCases.map(\.label))
    }

    @Test("titles run from none to full senior, stages from preschool to special education")
    func titlesAndStages() {
        #expect(CodeLists.title.codes == ["none", "third", "second", "first", "senior", "fullSenior"])
        #expect(CodeLists.title.label(for: "first") == "一级教师")
        #expect(CodeLists.stage.codes == ["preschool", "primary", "juniorHigh", "seniorHigh", "vocational", "special"])
        #expect(CodeLists.stage.label(for: "primary") == "小学")
    }

    @Test("the subject list holds the programme's own subject with the manual's label")
    func subjects() {
        #expect(CodeLists.label(field: "subject", code: "mentalHealth") == "心理健康教育")
        for code in ["chinese", "math", "english"] {
            #expect(CodeLists.contains(field: "subject", code: code))
        }
        #expect(CodeLists.teacherType.label(for: "staff") == "教职人员")
    }

    @Test("lookups answer for known fields and codes only", arguments: [
        ("ethnicity", "01", true),
        ("ethnicity", "1", false),
        ("ethnicity", "57", false),
        ("ethnicity", "99", false),
        ("identity", "teacher", true),
        ("identity", "Teacher", false),
        ("education", "bachelor", true),
        ("itAbility", "advanced", true),
        ("gender", "0", false),
        ("honours", "teacher", false),
        ("", "", false),
    ])
    func lookups(field: String, code: String, known: Bool) {
        #expect(CodeLists.contains(field: field, code: code) == known)
        #expect((CodeLists.label(field: field, code: code) != nil) == known)
    }

    @Test("list(field:) finds every list by its field and nothing else")
    func listByField() {
        for list in CodeLists.all {
            #expect(CodeLists.list(field: list.field) == list)
        }
        #expect(CodeLists.list(field: "nope") == nil)
    }

    @Test("an entry encodes as the wire shape {code, label}")
    func entryJSON() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(CodeLists.education.entries[4])
        #expect(String(decoding: data, as: UTF8.self) == #"{"code":"secondary","label":"中专/高中"}"#)
    }
}
