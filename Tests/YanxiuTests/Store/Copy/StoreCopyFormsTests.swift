import Foundation
import Testing
@testable import Yanxiu

/// The forms a copied value takes: in PostgreSQL's array literals, and in the per-table checksum
/// both engines' rows are reduced to.
@Suite("Copying to PostgreSQL: values, checksums, table order")
struct StoreCopyFormsTests {
    static func checksum(_ rows: [[CopyValue]]) -> String {
        var checksum = TableChecksum()
        rows.forEach { checksum.add($0) }
        return checksum.finish()
    }

    @Test("NULL, empty text, empty bytes and zero are four different rows; values do not run together")
    func distinctForms() {
        let forms: [[CopyValue]] = [[.null], [.text("")], [.bytes(Data())], [.integer(0)], [.real(0)]]
        #expect(Set(forms.map { Self.checksum([$0]) }).count == forms.count)
        #expect(Self.checksum([[.text("ab"), .text("c")]]) != Self.checksum([[.text("a"), .text("bc")]]))
        #expect(Self.checksum([[.integer(1)], [.integer(2)]]) != Self.checksum([[.integer(2)], [.integer(1)]]))
        #expect(Self.checksum([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("array elements: flags as t/f, text quoted, bytes as bytea hex, NULL bare")
    func arrayElements() {
        #expect(CopyValue.integer(1).arrayElement(.boolean) == "t" && CopyValue.integer(0).arrayElement(.boolean) == "f")
        #expect(CopyValue.integer(-42).arrayElement(.integer) == "-42")
        #expect(CopyValue.text("他说\"好\"\\").arrayElement(.text) == "\"他说\\\"好\\\"\\\\\"")
        #expect(CopyValue.bytes(Data([0x00, 0xab, 0xff])).arrayElement(.bytes) == "\"\\\\x00abff\"")
        #expect(CopyValue.null.arrayElement(.text) == "NULL")
        #expect(CopyValue.real(0.1).arrayElement(.real) == "0.1")
    }

    @Test("tables come after the tables their foreign keys name")
    func parentsFirst() {
        func table(_ name: String) -> CopyTable { CopyTable(name: name, columns: [], orderBy: [], identity: nil) }
        let parents: [String: Set<String>] = [
            "account": ["school"], "school": ["region"], "certificate": ["account", "topic", "issuer_key"], "enrollment": ["account", "topic"],
        ]
        let ordered = PostgresCopySchema.parentsFirst(["certificate", "enrollment", "account", "topic", "school", "region", "issuer_key"].map(table), parents: parents)
            .map(\.name)
        for (child, names) in parents {
            for parent in names {
                #expect(ordered.firstIndex(of: parent)! < ordered.firstIndex(of: child)!, "\(parent) before \(child): \(ordered)")
            }
        }
        #expect(ordered.count == 7)
    }
}
