/// An RGB colour with components from 0 to 1.
struct PageColor: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    static let crimson = PageColor(red: 0.62, green: 0.09, blue: 0.11)
    static let gold = PageColor(red: 0.74, green: 0.58, blue: 0.26)
    static let ink = PageColor(red: 0.08, green: 0.08, blue: 0.08)
    static let muted = PageColor(red: 0.33, green: 0.33, blue: 0.33)
}

/// A line of shaped text at a position, in points from the page's bottom-left corner.
struct PlacedText: Sendable, Equatable {
    var text: ShapedText
    var x: Double
    var y: Double
    var size: Double
    var color: PageColor
    /// Extra space after each glyph, for letter-spaced titles and justified lines.
    var characterSpacing: Double = 0
    /// Outline width that thickens the glyphs: the fonts have no bold face.
    var emboldening: Double = 0
    /// Counter-clockwise rotation about (x, y), in degrees.
    var rotation: Double = 0
}

/// A polygon or polyline to stroke and/or fill.
struct PagePath: Sendable {
    var points: [(x: Double, y: Double)]
    var closed: Bool
    var lineWidth: Double = 1
    var stroke: PageColor?
    var fill: PageColor?

    static func rectangle(
        x: Double, y: Double, width: Double, height: Double,
        lineWidth: Double = 1, stroke: PageColor? = nil, fill: PageColor? = nil
    ) -> PagePath {
        PagePath(
            points: [(x, y), (x + width, y), (x + width, y + height), (x, y + height)],
            closed: true, lineWidth: lineWidth, stroke: stroke, fill: fill
        )
    }
}

/// A QR code with its bottom-left module at (x, y); the quiet zone around it is the caller's.
struct PlacedQRCode: Sendable, Equatable {
    var matrix: QRCodeMatrix
    var x: Double
    var y: Double
    /// The side of one module, in points.
    var moduleSize: Double
    var color: PageColor = PageColor(red: 0, green: 0, blue: 0)

    /// The side of the whole symbol, in points.
    var side: Double { Double(matrix.size) * moduleSize }
}

/// Something drawn on the page, in painting order.
enum PageElement: Sendable {
    case text(PlacedText)
    case path(PagePath)
    case qrCode(PlacedQRCode)
}
