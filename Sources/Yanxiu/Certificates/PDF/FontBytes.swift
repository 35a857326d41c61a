/// A font file is untrusted input to the daemon: a truncated or corrupt file must
/// become an error, never a crash, so every read is bounds-checked.
struct FontFormatError: Error, Equatable, Sendable {
    var reason: String
}

/// Big-endian reads from the bytes of an sfnt font file.
struct FontBytes: Sendable {
    let bytes: [UInt8]

    var count: Int { bytes.count }

    func checkRange(_ offset: Int, _ length: Int) throws {
        guard offset >= 0, length >= 0, offset <= bytes.count - length else {
            throw FontFormatError(reason: "read of \(length) bytes at \(offset) past the end (\(bytes.count) bytes)")
        }
    }

    func uint8(_ offset: Int) throws -> UInt8 {
        try checkRange(offset, 1)
        return bytes[offset]
    }

    func uint16(_ offset: Int) throws -> UInt16 {
        try checkRange(offset, 2)
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func int16(_ offset: Int) throws -> Int16 {
        Int16(bitPattern: try uint16(offset))
    }

    func uint32(_ offset: Int) throws -> UInt32 {
        try checkRange(offset, 4)
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    func tag(_ offset: Int) throws -> String {
        try checkRange(offset, 4)
        return String(decoding: bytes[offset..<offset + 4], as: UTF8.self)
    }

    func slice(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        try checkRange(offset, length)
        return bytes[offset..<offset + length]
    }
}

/// Big-endian writes for building the tables of a subset font.
struct FontByteWriter {
    private(set) var bytes: [UInt8] = []

    var count: Int { bytes.count }

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    mutating func int16(_ value: Int16) {
        uint16(UInt16(bitPattern: value))
    }

    mutating func uint32(_ value: UInt32) {
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8((value >> UInt32(shift)) & 0xFF))
        }
    }

    mutating func append<S: Sequence>(_ other: S) where S.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// sfnt tables and long-format glyph offsets are expected on 4-byte boundaries.
    mutating func padToFourBytes() {
        while bytes.count % 4 != 0 { bytes.append(0) }
    }

    mutating func overwriteUInt16(_ value: UInt16, at offset: Int) {
        bytes[offset] = UInt8(value >> 8)
        bytes[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func overwriteUInt32(_ value: UInt32, at offset: Int) {
        bytes[offset] = UInt8(value >> 24)
        bytes[offset + 1] = UInt8((value >> 16) & 0xFF)
        bytes[offset + 2] = UInt8((value >> 8) & 0xFF)
        bytes[offset + 3] = UInt8(value & 0xFF)
    }
}

extension FontBytes {
    /// The sfnt checksum: the sum of the data as big-endian 32-bit words, zero-padded.
    static func checksum<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8 {
        var sum: UInt32 = 0
        var word: UInt32 = 0
        var index = 0
        for byte in data {
            word = word << 8 | UInt32(byte)
            index += 1
            if index == 4 {
                sum = sum &+ word
                word = 0
                index = 0
            }
        }
        if index > 0 {
            sum = sum &+ (word << UInt32(8 * (4 - index)))
        }
        return sum
    }
}
