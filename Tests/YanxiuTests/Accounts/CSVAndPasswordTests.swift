import CSV
import Foundation
import Testing
import Yanxiu

@Suite("CSV reader")
struct CSVReaderTests {
    @Test("quoted fields, doubled quotes, CRLF, BOM and blank lines")
    func reads() throws {
        let text = "\u{FEFF}code,name\r\nA1,\"第一, 本部\"\r\n\r\nA2,\"say \"\"hi\"\"\"\nA3,\"two\nlines\"\nA4,last"
        let records = try CSVReader.records(text)
        #expect(records.map(\.fields) == [["code", "name"], ["A1", "第一, 本部"], ["A2", "say \"hi\""], ["A3", "two\nlines"], ["A4", "last"]])
        #expect(records.map(\.line) == [1, 2, 4, 5, 7])
    }

    @Test("stray and unterminated quotes are malformed")
    func malformed() {
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.records("a,b\"c\n") }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.records("a,\"b\"c\n") }
        #expect(throws: CSVReader.Malformed.self) { try CSVReader.records("a,\"bc\n") }
    }
}

@Suite("scrypt password hashes")
struct PasswordHasherTests {
    // A low cost keeps the suite fast; the format and the checks do not depend on it.
    let hasher = PasswordHasher(logN: 10, blockSize: 8, parallelism: 1)

    @Test("a hash verifies its password only, and records its parameters")
    func roundTrip() throws {
        let hash = try hasher.hash("abc12345")
        #expect(hash.hasPrefix("$scrypt$ln=10,r=8,p=1$"))
        #expect(try PasswordHasher.verify("abc12345", against: hash))
        #expect(try !PasswordHasher.verify("abc12346", against: hash))
        #expect(try hasher.hash("abc12345") != hash, "salted")
    }

    @Test("composed and decomposed spellings of a password are the same password")
    func normalisation() throws {
        let hash = try hasher.hash("caf\u{E9}1234")
        #expect(try PasswordHasher.verify("cafe\u{301}1234", against: hash))
    }

    @Test("stronger parameters ask for a rehash; hashes not written by this type never verify")
    func parameters() throws {
        let weak = try hasher.hash("abc12345")
        #expect(PasswordHasher.standard.isStronger(than: weak))
        #expect(!hasher.isStronger(than: weak))
        #expect(try !PasswordHasher.verify("abc12345", against: "abc12345"))
        #expect(try !PasswordHasher.verify("abc12345", against: "$scrypt$ln=99,r=8,p=1$AAAA$AAAA"))
    }
}

@Suite("The built-in sample directory")
struct SampleDirectoryTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("the embedded CSV texts are the files in contrib/sample-directory")
    func matchesContrib() throws {
        let regions = try String(contentsOf: Self.root.appendingPathComponent("contrib/sample-directory/regions.csv"), encoding: .utf8)
        let schools = try String(contentsOf: Self.root.appendingPathComponent("contrib/sample-directory/schools.csv"), encoding: .utf8)
        #expect(SampleDirectory.regionsCSV == regions.trimmingCharacters(in: .newlines))
        #expect(SampleDirectory.schoolsCSV == schools.trimmingCharacters(in: .newlines))
        #expect(SampleDirectory.regionsCSV.contains("110101,东城区"))
    }
}
