import Foundation
import Testing
@testable import Yanxiu

/// `DirectoryStore`'s regions, school lookups and refusals, the same on each engine.
@Suite("Directory store")
struct DirectoryStoreTests {
    /// The sample directory.
    static func seed(_ store: any StoreEngine) async throws {
        #expect(try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 0) })
    }

    @Test("regions by code under a parent or at the top; codes, counties and the count", arguments: TestStores.Engine.allCases)
    func regions(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let answers = try await store.read { tx in
                let directory = tx.directory
                return (try directory.regions(under: nil), try directory.regions(under: "110000"), try directory.region(code: "110108"),
                        try directory.region(code: "999999"), try directory.regionCodes(), try directory.countyCodes(), try directory.regionCount())
            }
            #expect(answers.0.map(\.code) == answers.0.map(\.code).sorted() && answers.0.allSatisfy { $0.level == .province && $0.parentCode == nil })
            #expect(answers.0.map(\.code).contains("110000"))
            #expect(answers.1.map(\.code) == ["110101", "110102", "110105", "110108"])
            #expect(answers.2 == Region(code: "110108", name: "海淀区", level: .county, parentCode: "110000"))
            #expect(answers.3 == nil)
            #expect(answers.4.count == answers.6 && answers.4.contains("110000") && answers.4.contains("110108"))
            #expect(answers.5.contains("110108") && !answers.5.contains("370100") && !answers.5.contains("110000"))

            try await store.write { tx in
                try tx.directory.insertRegion(Region(code: "110109", name: "门头沟区", level: .county, parentCode: "110000"))
                try tx.directory.updateRegion(Region(code: "110108", name: "海淀", level: .county, parentCode: "110000"))
            }
            let after = try await store.read { tx in (try tx.directory.regionCount(), try tx.directory.region(code: "110108")?.name, try tx.directory.countyCodes()) }
            #expect(after.0 == answers.6 + 1 && after.1 == "海淀" && after.2.contains("110109"))
            await #expect(throws: (any Error).self) {
                try await store.write { tx in try tx.directory.insertRegion(Region(code: "110109", name: "again", level: .county, parentCode: "110000")) }
            }
            #expect(try await store.read { tx in try tx.directory.region(code: "110109")?.name } == "门头沟区")
        }
    }

    @Test("schools by id, code, county and name; one 其他 per county; a taken code refused", arguments: TestStores.Engine.allCases)
    func schools(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await Self.seed(store)
            let id = try await store.write { tx in try tx.directory.insertSchool(code: "X1", name: "新学校", regionCode: "110102", createdAt: 7) }
            let found = try await store.read { tx in
                let directory = tx.directory
                return (try directory.school(id: id), try directory.school(code: "X1"), try directory.school(regionCode: "110102", name: "新学校"),
                        try directory.school(regionCode: "110101", name: "新学校"), try directory.school(code: "x1"), try directory.school(id: id + 1000))
            }
            #expect(found.0 == School(id: id, code: "X1", name: "新学校", regionCode: "110102", isOther: false))
            #expect(found.1 == found.0 && found.2 == found.0)
            #expect(found.3 == nil && found.4 == nil && found.5 == nil)

            try await store.write { tx in try tx.directory.updateSchool(id: id, name: "改名学校", regionCode: "110105") }
            #expect(try await store.read { tx in try tx.directory.school(id: id) } == School(id: id, code: "X1", name: "改名学校", regionCode: "110105", isOther: false))

            let other = try #require(try await store.read { tx in try tx.directory.otherSchool(county: "110101") })
            #expect(other.isOther && other.name == SchoolDirectory.otherName && other.code == nil)
            try await store.write { tx in try tx.directory.ensureOtherSchool(county: "110101", name: "another", createdAt: 9) }
            #expect(try await store.read { tx in try tx.directory.otherSchool(county: "110101") } == other)

            await #expect(throws: (any Error).self) {
                try await store.write { tx in _ = try tx.directory.insertSchool(code: "X1", name: "重复代码", regionCode: "110102", createdAt: 8) }
            }
            #expect(try await store.read { tx in try tx.directory.school(regionCode: "110102", name: "重复代码") } == nil)
        }
    }

    @Test("the sample-directory marker is set once", arguments: TestStores.Engine.allCases)
    func sampleMarker(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            #expect(try await store.read { tx in try tx.directory.sampleDirectoryLoaded() } == false)
            try await store.write { tx in try tx.directory.markSampleDirectoryLoaded(at: 5) }
            #expect(try await store.read { tx in try tx.directory.sampleDirectoryLoaded() })
            #expect(try await store.write { tx in try SampleDirectory.loadIfEmpty(tx, now: 6) } == false)
            #expect(try await store.read { tx in try tx.directory.regionCount() } == 0)
        }
    }
}

/// `SchoolDirectory.importCSV`, which reads, inserts and updates a thousand rows at a time: rows
/// still apply in file order, on each engine.
@Suite("School import")
struct SchoolImportTests {
    @Test("a code seen twice is inserted once, then updated or unchanged, in a chunk and across chunks", arguments: TestStores.Engine.allCases)
    func fileOrder(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await DirectoryStoreTests.seed(store)
            var lines = ["code,name,regionCode", "S1101010001,北京市第二中学,110101", "S1101010002,改名一六六中学,110101", "N1,新学校甲,110102",
                         "N1,新学校甲,110102", "N1,新学校乙,110105", "BAD,x,110101", "N2,新学校丙,999999", "S1101010002,再改名一六六中学,110102"]
            lines += (1...1500).map { "M\($0),批量学校\($0),110108" }
            lines += ["N1,新学校丁,110101", "M1,批量学校1,110108", "M2,批量学校二,110108", "M1500,批量学校末,110101"]
            let text = lines.joined(separator: "\n")
            let summary = try await store.write { tx in try SchoolDirectory.importCSV(tx, text: text, now: 42) }
            #expect(summary.inserted == 1 + 1500 && summary.updated == 3 + 3 && summary.unchanged == 2 + 1)
            #expect(summary.rejected.map(\.line) == [7, 8] && summary.rejected.map(\.reason) == ["name", "regionCode"])

            let schools = try await store.read { tx in
                try ["S1101010001", "S1101010002", "N1", "M1", "M2", "M1499", "M1500", "N2"].map { try tx.directory.school(code: $0) }
            }
            #expect(schools.map { $0?.name } == ["北京市第二中学", "再改名一六六中学", "新学校丁", "批量学校1", "批量学校二", "批量学校1499", "批量学校末", nil])
            #expect(schools.map { $0?.regionCode } == ["110101", "110102", "110101", "110108", "110108", "110108", "110101", nil])
            let ids = schools.prefix(7).compactMap { $0?.id }
            #expect(ids[2] < ids[3] && ids[3] < ids[4] && ids[4] < ids[5] && ids[5] < ids[6])
            let again = try await store.write { tx in try SchoolDirectory.importCSV(tx, text: text, now: 43) }
            #expect(again.inserted == 0)
        }
    }

    @Test("the batch operations: lookup by codes, inserts in order, updates by code", arguments: TestStores.Engine.allCases)
    func batchOperations(_ engine: TestStores.Engine) async throws {
        try await TestStores.withStore(engine) { store in
            try await DirectoryStoreTests.seed(store)
            let rows = [SchoolImportRow(code: "B2", name: "乙\"校", regionCode: "110101"), SchoolImportRow(code: "B1,{x}", name: "甲\\校", regionCode: "110102")]
            try await store.write { tx in
                try tx.directory.insertSchools(rows, createdAt: 3)
                try tx.directory.insertSchools([], createdAt: 3)
                try tx.directory.updateSchools([SchoolImportRow(code: "B2", name: "乙校", regionCode: "110105"), SchoolImportRow(code: "none", name: "无", regionCode: "110105")])
                try tx.directory.updateSchools([])
            }
            let found = try await store.read { tx in try tx.directory.schools(codes: ["B1,{x}", "B2", "S1101010001", "none"]) }
            #expect(Set(found.keys) == ["B1,{x}", "B2", "S1101010001"])
            #expect(found["B2"]?.name == "乙校" && found["B2"]?.regionCode == "110105" && found["B2"]?.isOther == false)
            #expect(found["B1,{x}"]?.name == "甲\\校" && found["B1,{x}"]?.regionCode == "110102")
            #expect(try #require(found["B2"]?.id) < (try #require(found["B1,{x}"]?.id)))
            #expect(try await store.read { tx in try tx.directory.schools(codes: []) }.isEmpty)
        }
    }
}
