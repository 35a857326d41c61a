import Testing
@testable import Yanxiu

struct PDFSyntaxTests {
    @Test(arguments: [
        (842.0, "842"), (0.5, "0.5"), (-3.25, "-3.25"), (1.0 / 3.0, "0.333"),
        (0.0000001, "0"), (-0.0004, "0"), (12.3456, "12.346"), (-0.9995, "-1"),
    ])
    func numbersHaveNoExponentAndAtMostThreeDecimals(value: Double, expected: String) {
        #expect(PDFSyntax.number(value) == expected)
    }

    @Test func documentTitleIsUTF16WithByteOrderMark() {
        #expect(PDFSyntax.textString("证书 A") == "<FEFF8BC14E6600200041>")
    }

    @Test func toUnicodeMapsCIDsBackToUTF16() {
        let cmap = ToUnicodeCMap.text([1: "王", 2: "\u{20BB7}", 3: "7"])
        #expect(cmap.contains("3 beginbfchar\n<0001> <738B>\n<0002> <D842DFB7>\n<0003> <0037>\nendbfchar"))
    }

    @Test func toUnicodeSplitsIntoBlocksOfAtMostAHundred() {
        let mappings = Dictionary(uniqueKeysWithValues: (1...150).map { (UInt16($0), Unicode.Scalar(0x4E00 + UInt32($0))!) })
        let cmap = ToUnicodeCMap.text(mappings)
        #expect(cmap.contains("100 beginbfchar\n<0001> <4E01>"))
        #expect(cmap.contains("50 beginbfchar\n<0065> <4E65>"))
    }
}
