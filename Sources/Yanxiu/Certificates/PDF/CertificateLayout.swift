import Foundation

/// Where everything sits on the A4 landscape certificate: pure geometry over shaped
/// text, so the look can change without touching fonts or the PDF syntax.
struct CertificateLayout {
    static let pageWidth = 842.0
    static let pageHeight = 595.0

    /// The body column; wide margins keep the text clear of the ornamented border.
    private static let bodyLeft = 112.0
    private static let bodyWidth = 618.0
    /// The body is centred on this height, between the title and the details.
    private static let bodyMiddle = 322.0
    private static let bodyMaximumLines = 4
    /// The issuer block is centred on this x, under the right half of the body.
    private static let issuerCentre = 620.0

    let fonts: FontStack

    func elements(for certificate: CertificatePrintData) throws -> [PageElement] {
        var elements: [PageElement] = []
        if let watermark = certificate.watermark, !watermark.isEmpty {
            elements.append(.text(try self.watermark(watermark)))
        }
        elements += Self.border()
        elements += try title(certificate.title)
        elements += try body(certificate.statement)
        elements += try details(certificate)
        elements += try issuer(certificate)
        if let text = certificate.qrText {
            elements.append(.qrCode(try qrCode(text)))
        }
        return elements
    }

    private func title(_ title: String) throws -> [PageElement] {
        let text = try fonts.shape(title)
        // Short Chinese titles are set with wide letter spacing, as printed certificates are.
        let spacingPerSize = text.glyphs.count <= 6 ? 0.45 : 0.1
        let size = min(38, Self.bodyWidth / max(text.width(size: 1, characterSpacing: spacingPerSize), 0.1))
        let spacing = size * spacingPerSize
        let width = text.width(size: size, characterSpacing: spacing)
        let y = 462.0
        var elements: [PageElement] = [.text(PlacedText(
            text: text, x: (Self.pageWidth - width) / 2, y: y, size: size, color: .crimson,
            characterSpacing: spacing, emboldening: 0.9
        ))]
        elements += Self.rule(centreX: Self.pageWidth / 2, y: y - 22, halfWidth: max(width / 2 + 40, 150))
        return elements
    }

    /// The certifying sentence, justified, shrunk step by step if long names would push
    /// it past the lines the page has room for.
    private func body(_ statement: String) throws -> [PageElement] {
        let text = try fonts.shape(statement)
        var size = 21.0
        var lines = LineBreaker.lines(text, size: size, width: Self.bodyWidth, firstLineIndent: 2 * size)
        while lines.count > Self.bodyMaximumLines, size > 12 {
            size -= 1
            lines = LineBreaker.lines(text, size: size, width: Self.bodyWidth, firstLineIndent: 2 * size)
        }
        let leading = size * 1.9
        let top = Self.bodyMiddle + Double(lines.count - 1) * leading / 2
        return lines.enumerated().map { index, line in
            let indent = index == 0 ? 2 * size : 0
            var spacing = 0.0
            if index < lines.count - 1, line.glyphs.count > 1 {
                let slack = Self.bodyWidth - indent - line.width(size: size)
                // Justify only when the gap is small; a big gap means a long unbreakable word.
                spacing = slack < size * 2 ? slack / Double(line.glyphs.count - 1) : 0
            }
            return .text(PlacedText(
                text: line, x: Self.bodyLeft + indent, y: top - Double(index) * leading,
                size: size, color: .ink, characterSpacing: spacing
            ))
        }
    }

    /// Window, region, serial and how to verify, small, in the lower left.
    private func details(_ certificate: CertificatePrintData) throws -> [PageElement] {
        let width = 360.0
        var y = 178.0
        var elements: [PageElement] = []
        var rows = [("研修时间：", certificate.trainingWindow)]
        if !certificate.regionName.isEmpty { rows.append(("所在地区：", certificate.regionName)) }
        rows.append(("证书编号：", certificate.serial))
        for (label, value) in rows {
            let line = try fonts.shape(label + value)
            elements.append(.text(PlacedText(
                text: line, x: Self.bodyLeft, y: y, size: Self.fittedSize(line, size: 12.5, width: width), color: .ink
            )))
            y -= 22
        }
        // The hint gets the rest of the block down to the frame; a long one is set smaller,
        // and only what still does not fit at the smallest size (some 300 characters) is cut.
        let hint = try fonts.shape(certificate.verificationHint)
        let room = y - 48
        var size = 10.0
        var lines = LineBreaker.lines(hint, size: size, width: width)
        while Double(lines.count) * size * 1.5 > room, size > 7 {
            size -= 0.5
            lines = LineBreaker.lines(hint, size: size, width: width)
        }
        for line in lines.prefix(Int(room / (size * 1.5))) {
            elements.append(.text(PlacedText(text: line, x: Self.bodyLeft, y: y, size: size, color: .muted)))
            y -= size * 1.5
        }
        return elements
    }

    /// Issuer and issue date in the lower right, where a signature block would stand.
    private func issuer(_ certificate: CertificatePrintData) throws -> [PageElement] {
        var elements: [PageElement] = []
        for (text, size, y) in [(certificate.issuerName, 17.0, 178.0), (certificate.issueDate, 14.0, 152.0)] {
            let shaped = try fonts.shape(text)
            let fitted = Self.fittedSize(shaped, size: size, width: 280)
            let width = shaped.width(size: fitted)
            elements.append(.text(PlacedText(
                text: shaped, x: Self.issuerCentre - width / 2, y: y, size: fitted, color: .ink
            )))
        }
        return elements
    }

    /// The QR code centred under the issuer block, where a seal would be, as large as the
    /// room down to the frame allows (a module of at least about 0.5 mm once printed).
    private func qrCode(_ text: String) throws -> PlacedQRCode {
        let matrix = try QRCodeMatrix(text: text)
        let room = 88.0
        // Module sides in eighths of a point, so every edge falls on an exact PDF number.
        let moduleSize = max((room / Double(matrix.size) * 8).rounded(.down) / 8, 0.125)
        let side = Double(matrix.size) * moduleSize
        return PlacedQRCode(matrix: matrix, x: Self.issuerCentre - side / 2, y: 136 - side, moduleSize: moduleSize)
    }

    /// The size, at most `size`, at which one line of text fits `width`.
    private static func fittedSize(_ text: ShapedText, size: Double, width: Double) -> Double {
        min(size, size * width / max(text.width(size: size), 1))
    }

    private func watermark(_ text: String) throws -> PlacedText {
        let shaped = try fonts.shape(text)
        let size = min(150, 520 / max(shaped.width(size: 1), 0.5))
        let width = shaped.width(size: size)
        let angle = 24.0
        let radians = angle * Double.pi / 180
        // Start so that the rotated baseline passes through the centre of the page.
        let x = Self.pageWidth / 2 - cos(radians) * width / 2 + sin(radians) * size * 0.35
        let y = Self.pageHeight / 2 - sin(radians) * width / 2 - cos(radians) * size * 0.35
        return PlacedText(
            text: shaped, x: x, y: y, size: size,
            color: PageColor(red: 0.96, green: 0.88, blue: 0.88), rotation: angle
        )
    }
}
