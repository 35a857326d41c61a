import Testing
@testable import Yanxiu

@Suite
struct LineBreakerTests {
    static let closing = Set("，。、；：？！）》”…".unicodeScalars)
    static let opening = Set("（《“".unicodeScalars)
    static let paragraph = "王小明同志（北京市海淀区示例第一小学）参加“心理健康教育教师培训”专题研修，完成规定学习任务，认定学时18学时，特发此证。验证：yanxiuctl certificates verify 或输入证书编号 YX23-7K4M-9Q2P-H。"

    private func text(_ line: ShapedText) -> String {
        String(String.UnicodeScalarView(line.glyphs.map(\.scalar)))
    }

    @Test(arguments: Array(stride(from: 120.0, through: 600.0, by: 37.0)))
    func linesFitAndRespectChineseBreakingRules(width: Double) throws {
        let shaped = try TestFonts.stack.shape(Self.paragraph)
        let lines = LineBreaker.lines(shaped, size: 12, width: width, firstLineIndent: 24)
        #expect(lines.count > 1)
        for (index, line) in lines.enumerated() {
            let available = index == 0 ? width - 24 : width
            #expect(line.width(size: 12) <= available + 0.001, "line \(index) too wide: \(text(line))")
            let first = try #require(line.glyphs.first?.scalar)
            let last = try #require(line.glyphs.last?.scalar)
            #expect(!Self.closing.contains(first), "line starts with \(first): \(text(line))")
            #expect(!Self.opening.contains(last), "line ends with \(last): \(text(line))")
            #expect(first != " " && last != " ")
        }
        // Nothing is lost but the spaces at the breaks.
        let joined = lines.map(text).joined()
        #expect(joined == Self.paragraph.filter { $0 != " " } || joined.filter { $0 != " " } == Self.paragraph.filter { $0 != " " })
        // Latin words stay whole, unless a word is wider than a line.
        let words = Set(Self.paragraph.split(whereSeparator: { !$0.isASCII || $0 == " " }).map(String.init))
        let overlong = try words.filter { try TestFonts.stack.shape($0).width(size: 12) > width - 24 }
        for line in lines {
            for piece in text(line).split(whereSeparator: { !$0.isASCII || $0 == " " }).map(String.init) {
                #expect(words.contains(piece) || overlong.contains { $0.contains(piece) }, "\(piece) is part of a split word")
            }
        }
    }

    @Test func wordLongerThanALineIsCutRatherThanOverflowing() throws {
        let shaped = try TestFonts.stack.shape("https://basic.smartedu.cn/certificates/verification/YX23-7K4M-9Q2P-H")
        let lines = LineBreaker.lines(shaped, size: 10, width: 100)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.width(size: 10) <= 100 })
        #expect(lines.map(text).joined() == "https://basic.smartedu.cn/certificates/verification/YX23-7K4M-9Q2P-H")
    }
}
