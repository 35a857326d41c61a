/// The components of a composite glyph: glyphs built from other glyphs (common for
/// accented Latin letters), which a subset must keep and renumber.
struct CompositeGlyph: Sendable {
    /// One reference to another glyph, with where its glyph index sits in the outline.
    struct Component: Sendable, Equatable {
        var glyph: UInt16
        /// Byte position of the glyph index, relative to the start of the outline.
        var indexPosition: Int
    }

    let components: [Component]

    private static let argumentsAreWords: UInt16 = 0x0001
    private static let hasScale: UInt16 = 0x0008
    private static let moreComponents: UInt16 = 0x0020
    private static let hasXYScale: UInt16 = 0x0040
    private static let hasTwoByTwo: UInt16 = 0x0080

    /// Nil for a simple glyph (or an empty one); the components for a composite glyph.
    init?(outline: ArraySlice<UInt8>) throws {
        let bytes = FontBytes(bytes: Array(outline))
        guard bytes.count >= 10, try bytes.int16(0) < 0 else { return nil }
        var components: [Component] = []
        var position = 10
        while true {
            let flags = try bytes.uint16(position)
            components.append(Component(glyph: try bytes.uint16(position + 2), indexPosition: position + 2))
            position += 4 + (flags & Self.argumentsAreWords != 0 ? 4 : 2)
            if flags & Self.hasScale != 0 {
                position += 2
            } else if flags & Self.hasXYScale != 0 {
                position += 4
            } else if flags & Self.hasTwoByTwo != 0 {
                position += 8
            }
            guard flags & Self.moreComponents != 0 else { break }
            // A glyph of more components than it has bytes is corrupt; stop instead of looping.
            guard components.count < 1024 else { throw FontFormatError(reason: "composite glyph has too many components") }
        }
        self.components = components
    }
}
