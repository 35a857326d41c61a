import Crypto
import Foundation
import _CryptoExtras

/// scrypt password hashes in a self-describing string, `$scrypt$ln=15,r=8,p=1$SALT$HASH`
/// (base64 without padding), so the cost can be raised later and old hashes still verify.
///
/// Hashing costs tens of milliseconds and 32 MiB: call it through `Offload.run`.
public struct PasswordHasher: Sendable, Hashable {
    /// log2 of scrypt's N, and its r and p.
    public var logN: Int
    public var blockSize: Int
    public var parallelism: Int

    /// N = 2^15, r = 8, p = 1: 32 MiB per hash, the OWASP recommendation.
    public static let standard = PasswordHasher(logN: 15, blockSize: 8, parallelism: 1)
    static let saltBytes = 16
    static let keyBytes = 32

    public init(logN: Int, blockSize: Int, parallelism: Int) {
        precondition((1...24).contains(logN) && blockSize >= 1 && parallelism >= 1, "scrypt parameters out of range")
        self.logN = logN
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// A new hash of `password` with a fresh random salt.
    public func hash(_ password: String) throws -> String {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<Self.saltBytes).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let key = try derive(password, salt: salt)
        return "$scrypt$ln=\(logN),r=\(blockSize),p=\(parallelism)$\(Self.base64(salt))$\(Self.base64(key))"
    }

    /// Whether `password` matches `encoded`; false for strings this type did not write.
    public static func verify(_ password: String, against encoded: String) throws -> Bool {
        guard let parsed = parse(encoded) else { return false }
        let key = try parsed.hasher.derive(password, salt: parsed.salt)
        // Compared without an early exit, so the time taken does not tell how much matched.
        guard key.count == parsed.key.count else { return false }
        return zip(key, parsed.key).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A hash with these parameters that no password matches (its key is random): verifying
    /// against it costs what verifying a real one does, so an unknown account answers as slowly.
    public func decoy() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = { (count: Int) in Data((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }) }
        return "$scrypt$ln=\(logN),r=\(blockSize),p=\(parallelism)$\(Self.base64(bytes(Self.saltBytes)))$\(Self.base64(bytes(Self.keyBytes)))"
    }

    /// Whether `encoded` was made with weaker parameters than these (and should be rehashed at the next login).
    public func isStronger(than encoded: String) -> Bool {
        guard let parsed = Self.parse(encoded) else { return true }
        return parsed.hasher.logN < logN || parsed.hasher.blockSize < blockSize || parsed.hasher.parallelism < parallelism
    }

    func derive(_ password: String, salt: Data) throws -> Data {
        // The same password typed on different systems may arrive composed or decomposed.
        let bytes = Data(password.precomposedStringWithCanonicalMapping.utf8)
        let key = try KDF.Scrypt.deriveKey(
            from: bytes, salt: salt, outputByteCount: Self.keyBytes, rounds: 1 << logN, blockSize: blockSize, parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }

    static func parse(_ encoded: String) -> (hasher: PasswordHasher, salt: Data, key: Data)? {
        let parts = encoded.split(separator: "$", omittingEmptySubsequences: false)
        guard parts.count == 5, parts[0].isEmpty, parts[1] == "scrypt" else { return nil }
        var values: [Substring: Int] = [:]
        for pair in parts[2].split(separator: ",") {
            let kv = pair.split(separator: "=", maxSplits: 1)
            guard kv.count == 2, let number = Int(kv[1]) else { return nil }
            values[kv[0]] = number
        }
        guard let logN = values["ln"], let r = values["r"], let p = values["p"],
              (1...24).contains(logN), (1...64).contains(r), (1...16).contains(p),
              let salt = unbase64(parts[3]), let key = unbase64(parts[4])
        else { return nil }
        return (PasswordHasher(logN: logN, blockSize: r, parallelism: p), salt, key)
    }

    static func base64(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "=", with: "")
    }

    static func unbase64(_ text: Substring) -> Data? {
        var padded = String(text)
        while padded.count % 4 != 0 { padded += "=" }
        return Data(base64Encoded: padded)
    }
}
