import Foundation
import Testing
@testable import Yanxiu

/// The meaning `DirectoryStore.searchSchools` promises every engine, on the SQLite store: literal
/// fragments, ASCII letters without case and nothing else folded, name then id order, the limit,
/// and never a "其他" placeholder; and `SchoolSearch` around it.
@Suite("School search")
struct SchoolSearchTests {
    /// The sample directory plus schools with Latin letters in their names, in Dongcheng (110101) and Haidian (110108).
    static func store() throws -> (SQLiteStore, String) {
        let folder = NSTemporaryDirectory() + "yanxiu-search-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let store = try SQLiteStore(path: folder + "/yanxiu.sqlite")
        return (store, folder)
    }

    static func seed(_ store: SQLiteStore) async throws {
        let loaded = try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 0) }
        #expect(loaded)
        try await store.write { tx in
            for (county, name) in [("110101", "北京BISS国际学校"), ("110108", "Biss Academy 海淀"), ("110101", "École Française 东城"), ("110101", "北京ABC学校")] {
                _ = try SchoolDirectory.create(tx, regionCode: county, name: name, code: nil, actor: AuditActor(), now: 0)
            }
        }
    }

    static func names(_ store: SQLiteStore, _ scope: SchoolSearchScope, _ fragment: String?, limit: Int = 50) async throws -> [String] {
        try await store.read { tx in try tx.directory.searchSchools(in: scope, fragment: fragment, limit: limit).map(\.name) }
    }

    @Test("ASCII letters match whatever their case, in a region and everywhere")
    func asciiCaseIgnored() async throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.seed(store)
        #expect(try await Self.names(store, .county("110101"), "biss") == ["北京BISS国际学校"])
        #expect(try await Self.names(store, .codePrefix("11"), "bIsS") == ["Biss Academy 海淀", "北京BISS国际学校"])
        #expect(try await Self.names(store, .everywhere, "biss") == ["Biss Academy 海淀", "北京BISS国际学校"])
    }

    @Test("other characters match only themselves, whichever index answers")
    func nonASCIINotFolded() async throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.seed(store)
        #expect(try await Self.names(store, .everywhere, "École") == ["École Française 东城"])
        #expect(try await Self.names(store, .everywhere, "école").isEmpty)
        #expect(try await Self.names(store, .county("110101"), "école").isEmpty)
        #expect(try await Self.names(store, .county("110101"), "ÉCOLE") == ["École Française 东城"])
        #expect(try await Self.names(store, .everywhere, "ÉCOLE") == ["École Française 东城"])
    }

    @Test("fragments are literal: no wildcards, quotes are characters")
    func literalFragments() async throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.seed(store)
        #expect(try await Self.names(store, .county("110101"), "%").isEmpty)
        #expect(try await Self.names(store, .everywhere, "B_S").isEmpty)
        #expect(try await Self.names(store, .everywhere, "\"BISS\"").isEmpty)
        #expect(try await Self.names(store, .everywhere, "ABC") == ["北京ABC学校"])
    }

    @Test("by name in code-point order then id, at most the limit, never a placeholder")
    func orderAndLimit() async throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.seed(store)
        let dongcheng = try await Self.names(store, .county("110101"), nil)
        #expect(dongcheng == ["École Française 东城", "北京ABC学校", "北京BISS国际学校", "北京市东城区史家胡同小学", "北京市第一六六中学", "北京市第二中学"])
        #expect(dongcheng == dongcheng.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) })
        #expect(try await Self.names(store, .county("110101"), nil, limit: 2) == ["École Française 东城", "北京ABC学校"])
        #expect(try await Self.names(store, .codePrefix("1101"), "中学", limit: 3) == ["中国人民大学附属中学", "北京市第一六六中学", "北京市第二中学"])
        #expect(try await Self.names(store, .county("110101"), "其他").isEmpty)
    }

    @Test("SchoolSearch: a county's 其他 school comes last; the sample directory loads once")
    func searchService() async throws {
        let (store, folder) = try Self.store()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try await Self.seed(store)
        let inCounty = try await store.read { tx in try SchoolSearch(regionCode: "110101", query: "北京B").run(tx) }
        #expect(inCounty.map(\.name) == ["北京BISS国际学校", SchoolDirectory.otherName])
        #expect(inCounty.last?.isOther == true)
        let inCity = try await store.read { tx in try SchoolSearch(regionCode: "110000", query: "biss").run(tx) }
        #expect(inCity.map(\.name) == ["Biss Academy 海淀", "北京BISS国际学校"])
        #expect(try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 1) } == false)
    }
}
