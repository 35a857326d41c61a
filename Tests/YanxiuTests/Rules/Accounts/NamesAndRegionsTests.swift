import Foundation
import Testing
import Yanxiu

@Suite("Real names and nicknames")
struct PersonNameTests {
    @Test("real names of several scripts are accepted and trimmed", arguments: ["王芳", " 欧阳娜娜 ", "阿依古丽·买买提", "Anna-Maria O'Neil", "J. Smith"])
    func accepted(name: String) throws {
        #expect(try PersonName.realName(name) == name.trimmingCharacters(in: .whitespaces))
    }

    @Test("bad real names are refused with a reason", arguments: [
        ("", PersonName.Problem.empty), ("  ", .empty), ("王", .tooShort), (String(repeating: "王", count: 51), .tooLong),
        ("王芳1", .characters), ("·王芳", .characters), ("王\u{200B}芳", .characters), ("王芳!", .characters),
    ])
    func refused(name: String, problem: PersonName.Problem) {
        #expect(throws: problem) { try PersonName.realName(name) }
    }

    @Test("nicknames: 1 to 20 visible characters")
    func nicknames() throws {
        #expect(try PersonName.nickname(" 心理 老师 ") == "心理 老师")
        #expect(throws: PersonName.Problem.empty) { try PersonName.nickname(" ") }
        #expect(throws: PersonName.Problem.tooLong) { try PersonName.nickname(String(repeating: "a", count: 21)) }
        #expect(throws: PersonName.Problem.characters) { try PersonName.nickname("a\u{0007}b") }
    }
}

@Suite("GB/T 2260 region codes")
struct RegionCodeTests {
    @Test("levels follow the code's shape")
    func levels() throws {
        #expect(try #require(RegionCode("110000")).impliedLevel == .province)
        #expect(try #require(RegionCode("370100")).impliedLevel == .city)
        #expect(try #require(RegionCode("110101")).impliedLevel == .county)
    }

    @Test("a county's parents are its city, then its province")
    func parents() throws {
        #expect(try #require(RegionCode("370102")).parentCandidates == ["370100", "370000"])
        #expect(try #require(RegionCode("370100")).parentCandidates == ["370000"])
        #expect(try #require(RegionCode("370000")).parentCandidates == [])
    }

    @Test("malformed codes are refused", arguments: ["", "11010", "1101011", "11010X", "000000", "１１０１０１"])
    func malformed(text: String) {
        #expect(RegionCode(text) == nil)
    }

    @Test("search prefixes by level")
    func prefixes() throws {
        let code = try #require(RegionCode("440305"))
        #expect(code.prefix(for: .province) == "44")
        #expect(code.prefix(for: .city) == "4403")
        #expect(code.prefix(for: .county) == "440305")
    }
}
