extension CertificateLayout {
    /// A crimson frame inside two gold ones, with ornaments at the corners: the
    /// customary look of a Chinese certificate, drawn as vector paths so it prints sharp.
    static func border() -> [PageElement] {
        var elements: [PageElement] = [
            frame(inset: 18, lineWidth: 4, color: .crimson),
            frame(inset: 26, lineWidth: 1.2, color: .gold),
            frame(inset: 31, lineWidth: 0.5, color: .gold),
        ]
        let inset = 31.0
        for (cornerX, directionX) in [(inset, 1.0), (pageWidth - inset, -1.0)] {
            for (cornerY, directionY) in [(inset, 1.0), (pageHeight - inset, -1.0)] {
                elements += cornerOrnament(x: cornerX, y: cornerY, dx: directionX, dy: directionY)
            }
        }
        return elements
    }

    private static func frame(inset: Double, lineWidth: Double, color: PageColor) -> PageElement {
        .path(.rectangle(
            x: inset, y: inset, width: pageWidth - 2 * inset, height: pageHeight - 2 * inset,
            lineWidth: lineWidth, stroke: color
        ))
    }

    /// A fret-like bracket (回纹) pointing into the page from one corner, with a
    /// crimson diamond on the corner itself; `dx`/`dy` give the inward direction.
    private static func cornerOrnament(x: Double, y: Double, dx: Double, dy: Double) -> [PageElement] {
        func point(_ along: Double, _ up: Double) -> (x: Double, y: Double) { (x + dx * along, y + dy * up) }
        let fret = PagePath(
            points: [
                point(8, 62), point(8, 8), point(62, 8),
                point(62, 16), point(16, 16), point(16, 48),
                point(34, 48), point(34, 34), point(26, 34), point(26, 26), point(44, 26), point(44, 56),
            ],
            closed: false, lineWidth: 1.4, stroke: .gold
        )
        let diamond = PagePath(
            points: [point(-6, 0), point(0, -6), point(6, 0), point(0, 6)],
            closed: true, lineWidth: 0.5, stroke: .crimson, fill: .crimson
        )
        return [.path(fret), .path(diamond)]
    }

    /// A gold rule with a diamond in its middle, under the title.
    static func rule(centreX: Double, y: Double, halfWidth: Double) -> [PageElement] {
        let gap = 9.0
        return [
            .path(PagePath(points: [(centreX - halfWidth, y), (centreX - gap, y)], closed: false, lineWidth: 1, stroke: .gold)),
            .path(PagePath(points: [(centreX + gap, y), (centreX + halfWidth, y)], closed: false, lineWidth: 1, stroke: .gold)),
            .path(PagePath(
                points: [(centreX - 5, y), (centreX, y - 5), (centreX + 5, y), (centreX, y + 5)],
                closed: true, lineWidth: 0.5, stroke: .gold, fill: .gold
            )),
        ]
    }
}
