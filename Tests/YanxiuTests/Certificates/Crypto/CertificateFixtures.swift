import Foundation
import JSONRPC

/// Reads the test data under `Fixtures/` (copied into the test bundle).
enum CertificateFixtures {
    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture \(path) is missing from the test bundle" }
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        guard let root = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
            throw Missing(path: "Fixtures")
        }
        let url = root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { throw Missing(path: path) }
        return Array(data)
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    static func json(_ path: String) throws -> JSONValue {
        try JSONParser.parse(try bytes(path))
    }
}

/// SplitMix64: a seeded generator so that "random" test cases are the same on every run.
struct CertificateTestRNG: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
