/// Lays tables out as an sfnt file: table directory, 4-byte aligned tables, their
/// checksums, and the whole-file checksum that `head.checkSumAdjustment` must balance.
enum SFNTAssembler {
    static func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        // The directory must be sorted by tag, compared as bytes.
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let count = tags.count
        var power = 1
        var exponent = 0
        while power * 2 <= count {
            power *= 2
            exponent += 1
        }

        var file = FontByteWriter()
        file.uint32(0x0001_0000)
        file.uint16(UInt16(count))
        file.uint16(UInt16(power * 16)) // searchRange
        file.uint16(UInt16(exponent)) // entrySelector
        file.uint16(UInt16(count * 16 - power * 16)) // rangeShift

        var offset = 12 + count * 16
        for tag in tags {
            let table = tables[tag]!
            file.append(tag.utf8.prefix(4))
            file.uint32(FontBytes.checksum(table))
            file.uint32(UInt32(offset))
            file.uint32(UInt32(table.count))
            offset += (table.count + 3) / 4 * 4
        }
        var headOffset: Int?
        for tag in tags {
            if tag == "head" { headOffset = file.count }
            file.append(tables[tag]!)
            file.padToFourBytes()
        }
        if let headOffset {
            file.overwriteUInt32(0xB1B0_AFBA &- FontBytes.checksum(file.bytes), at: headOffset + 8)
        }
        return file.bytes
    }
}
