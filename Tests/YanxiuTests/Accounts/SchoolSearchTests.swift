import Foundation
import Testing
@testable import Yanxiu

/// The meaning `DirectoryStore.searchSchools` promises every engine, on each engine: literal
/// fragments, ASCII letters without case and nothing else folded, name then id order, the limit,
/// and never a "其他" placeholder; and `SchoolSearch` around it.
@Suite("School search")
struct SchoolSearchTests {
    /// The sample directory plus schools with Latin letters in their names, in Dongcheng (110101) and Haidian (110108).
    static func seed(_ store: any StoreEngine) async throws {
        let loaded = try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 0) }
        #expect(loaded)
        try await store.write { tx in
            for (county, name) in [("110101", "北京BISS国际学校"), ("110108", "Biss Academy 海淀"), ("110101", "École Française 东城"), ("110101", "北京ABC学校")] {
                _ = try tx.directory.insertSchool(code: nil, name: name, regionCode: county, createdAt: 0)
            }
        }
    }

    static func names(_ store: any StoreEngine, _ scope: SchoolSearchScope, _ fragment: String?, limit: Int = 50) async throws -> [String] {
        try await store.read { tx in try tx.directory.searchSchools(in: scope, fragment: fragment, limit: limit).map(\.name) }
    }

    @Test("ASCII letters match whatever their case, in a region and everywhere", arguments: TestStores.Engine.allCases)
    func asciiCaseIgnored(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            #expect(try await Self.names(store, .county("110101"), "biss") == ["北京BISS国际学校"])
            #expect(try await Self.names(store, .codePrefix("11"), "bIsS") == ["Biss Academy 海淀", "北京BISS国际学校"])
            #expect(try await Self.names(store, .everywhere, "biss") == ["Biss Academy 海淀", "北京BISS国际学校"])
        }
    }

    @Test("other characters match only themselves, whichever index answers", arguments: TestStores.Engine.allCases)
    func nonASCIINotFolded(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            #expect(try await Self.names(store, .everywhere, "École") == ["École Française 东城"])
            #expect(try await Self.names(store, .everywhere, "école").isEmpty)
            #expect(try await Self.names(store, .county("110101"), "école").isEmpty)
            #expect(try await Self.names(store, .county("110101"), "ÉCOLE") == ["École Française 东城"])
            #expect(try await Self.names(store, .everywhere, "ÉCOLE") == ["École Française 东城"])
        }
    }

    @Test("fragments are literal: no wildcards, quotes are characters", arguments: TestStores.Engine.allCases)
    func literalFragments(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            #expect(try await Self.names(store, .county("110101"), "%").isEmpty)
            #expect(try await Self.names(store, .everywhere, "B_S").isEmpty)
            #expect(try await Self.names(store, .everywhere, "\"BISS\"").isEmpty)
            #expect(try await Self.names(store, .everywhere, "ABC") == ["北京ABC学校"])
        }
    }

    @Test("wildcard and escape characters in names are found only by themselves", arguments: TestStores.Engine.allCases)
    func wildcardCharactersInNames(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            try await store.write { tx in
                for name in ["百分%学校", "下划_线学校", "反斜\\杠学校", "反斜\\\\双杠学校"] {
                    _ = try tx.directory.insertSchool(code: nil, name: name, regionCode: "110102", createdAt: 0)
                }
            }
            #expect(try await Self.names(store, .everywhere, "分%学") == ["百分%学校"])
            #expect(try await Self.names(store, .county("110102"), "%") == ["百分%学校"])
            #expect(try await Self.names(store, .everywhere, "划_线") == ["下划_线学校"])
            #expect(try await Self.names(store, .county("110102"), "_") == ["下划_线学校"])
            #expect(try await Self.names(store, .county("110102"), "\\") == ["反斜\\\\双杠学校", "反斜\\杠学校"])
            #expect(try await Self.names(store, .everywhere, "斜\\杠") == ["反斜\\杠学校"])
            #expect(try await Self.names(store, .everywhere, "\\\\双") == ["反斜\\\\双杠学校"])
            #expect(try await Self.names(store, .everywhere, "斜\u{0}杠").isEmpty)
            #expect(try await Self.names(store, .county("110102"), "\u{0}").isEmpty)
        }
    }

    @Test("by name in code-point order then id, at most the limit, never a placeholder", arguments: TestStores.Engine.allCases)
    func orderAndLimit(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let dongcheng = try await Self.names(store, .county("110101"), nil)
            #expect(dongcheng == ["École Française 东城", "北京ABC学校", "北京BISS国际学校", "北京市东城区史家胡同小学", "北京市第一六六中学", "北京市第二中学"])
            #expect(dongcheng == dongcheng.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) })
            #expect(try await Self.names(store, .county("110101"), nil, limit: 2) == ["École Française 东城", "北京ABC学校"])
            #expect(try await Self.names(store, .codePrefix("1101"), "中学", limit: 3) == ["中国人民大学附属中学", "北京市第一六六中学", "北京市第二中学"])
            #expect(try await Self.names(store, .county("110101"), "其他").isEmpty)
        }
    }

    @Test("capitals before small letters, equal names by id, a negative limit is none", arguments: TestStores.Engine.allCases)
    func byteOrderTiesAndNoLimit(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let ids = try await store.write { tx in
                try [("110102", "abc 学校"), ("110105", "ABC 学校"), ("110102", "Abc 学校"), ("110102", "ABC 学校")].map { county, name in
                    try tx.directory.insertSchool(code: nil, name: name, regionCode: county, createdAt: 0)
                }
            }
            let found = try await store.read { tx in try tx.directory.searchSchools(in: .everywhere, fragment: "abc ", limit: 50) }
            #expect(found.map(\.name) == ["ABC 学校", "ABC 学校", "Abc 学校", "abc 学校"])
            #expect(found.map(\.id) == [ids[1], ids[3], ids[2], ids[0]])
            #expect(try await Self.names(store, .codePrefix("11"), "abc ", limit: 0).isEmpty)
            #expect(try await Self.names(store, .codePrefix("11"), "abc ", limit: -1).count == 4)
            #expect(try await Self.names(store, .codePrefix("1101"), nil, limit: -1).count == (try await Self.names(store, .codePrefix("1101"), nil, limit: 1000).count))
        }
    }

    @Test("everywhere, a fragment shorter than three code points finds nothing", arguments: TestStores.Engine.allCases)
    func shortFragmentsEverywhere(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            #expect(try await Self.names(store, .everywhere, "中学").isEmpty)
            #expect(try await Self.names(store, .everywhere, "BI").isEmpty)
            #expect(try await Self.names(store, .county("110101"), "BI") == ["北京BISS国际学校"])
            #expect(try await Self.names(store, .everywhere, "BIS") == ["Biss Academy 海淀", "北京BISS国际学校"])
            #expect(try await Self.names(store, .everywhere, "第二中") == ["北京市第二中学"])
        }
    }

    @Test("SchoolSearch: a county's 其他 school comes last; the sample directory loads once", arguments: TestStores.Engine.allCases)
    func searchService(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let inCounty = try await store.read { tx in try SchoolSearch(regionCode: "110101", query: "北京B").run(tx) }
            #expect(inCounty.map(\.name) == ["北京BISS国际学校", SchoolDirectory.otherName])
            #expect(inCounty.last?.isOther == true)
            let inCity = try await store.read { tx in try SchoolSearch(regionCode: "110000", query: "biss").run(tx) }
            #expect(inCity.map(\.name) == ["Biss Academy 海淀", "北京BISS国际学校"])
            #expect(try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 1) } == false)
        }
    }
}
