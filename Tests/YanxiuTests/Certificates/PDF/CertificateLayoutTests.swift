import Foundation
import Testing
import Yanxiu

/// Long names and texts still fit the page, as pdftotext's word boxes show.
@Suite
struct CertificateLayoutTests {
    struct Box {
        var xMin, yMin, xMax, yMax: Double
        var text: String
        func overlaps(_ other: Box) -> Bool {
            xMin < other.xMax && other.xMin < xMax && yMin < other.yMax && other.yMin < yMax
        }
    }

    static let long: CertificatePrintData = {
        var certificate = CertificateSamples.demo
        certificate.teacherName = "阿依古丽·买买提艾力"
        certificate.regionName = "新疆维吾尔自治区伊犁哈萨克自治州伊宁市"
        certificate.schoolName = "伊宁市第二十三中学附属实验小学（东校区）"
        certificate.topicTitle = "中小学心理健康教育专兼职教师与班主任能力提升专题培训（2023年寒假）"
        certificate.issuerName = "国家中小学智慧教育平台教师研修频道国培示范栏目"
        certificate.verificationHint = "验证：yanxiuctl certificates verify 证书文件；或访问 https://basic.smartedu.cn/certificates/verification/YX23-7K4M-9Q2P-H 输入证书编号核验真伪；亦可致电客服热线查询。"
        certificate.qrText = "https://basic.smartedu.cn/certificates/verification/?serial=YX23-7K4M-9Q2P-H&sha256=" + String(repeating: "A", count: 43)
        return certificate
    }()

    /// Word boxes from `pdftotext -bbox`, in points from the top-left corner.
    private func wordBoxes(_ certificate: CertificatePrintData) throws -> [Box] {
        let directory = try CertificateSamples.temporaryDirectory()
        let path = directory.appendingPathComponent("layout.pdf").path
        try CertificatePDFRenderer().render(certificate).write(to: URL(fileURLWithPath: path))
        let output = try Poppler.run("pdftotext", ["-bbox", "-enc", "UTF-8", path, "-"])
        #expect(output.status == 0)
        let pattern = try Regex(#"<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>"#)
        return output.text.matches(of: pattern).map { match in
            let number = { (index: Int) in Double(match.output[index].substring ?? "") ?? .nan }
            let text = String(match.output[5].substring ?? "")
            return Box(xMin: number(1), yMin: number(2), xMax: number(3), yMax: number(4), text: Self.unescapingHTML(text))
        }
    }

    private static func unescapingHTML(_ text: String) -> String {
        [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")].reduce(text) {
            $0.replacingOccurrences(of: $1.0, with: $1.1)
        }
    }

    @Test(arguments: [CertificateSamples.demo, Self.long])
    func everyWordSitsInsideTheFrameWithoutOverlap(certificate: CertificatePrintData) throws {
        let boxes = try wordBoxes(certificate)
        #expect(boxes.count > 10)
        // The innermost frame line is 31 pt from each edge; words must keep clear of it.
        for box in boxes {
            #expect(box.xMin >= 40 && box.xMax <= 802 && box.yMin >= 40 && box.yMax <= 555, "\(box.text) at \(box)")
        }
        for (index, box) in boxes.enumerated() {
            for other in boxes[(index + 1)...] {
                #expect(!box.overlaps(other), "\(box.text) overlaps \(other.text)")
            }
        }
    }

    /// The QR code sits centred under the issuer block, at most 88 pt a side, its top 136 pt
    /// above the bottom edge; with a quiet zone of four modules it needs this box (top-left origin).
    static let qrCodeArea = Box(xMin: 620 - 44 - 8, yMin: 595 - 136 - 8, xMax: 620 + 44 + 8, yMax: 595 - 136 + 88 + 8, text: "QR")

    @Test(arguments: [CertificateSamples.demo, Self.long])
    func noWordTouchesTheQRCode(certificate: CertificatePrintData) throws {
        var certificate = certificate
        if certificate.qrText == nil { certificate.qrText = "YX23-7K4M-9Q2P-H SHA-256:" + String(repeating: "A", count: 43) }
        for box in try wordBoxes(certificate) {
            #expect(!box.overlaps(Self.qrCodeArea), "\(box.text) at \(box) is in the QR code's quiet zone")
        }
    }

    @Test func longTextsArePrintedInFull() throws {
        let text = try wordBoxes(Self.long).map(\.text).joined()
        let certificate = Self.long
        for field in [certificate.teacherName, certificate.schoolName, "所在地区：" + certificate.regionName, certificate.topicTitle, certificate.issuerName] {
            #expect(text.contains(field), "\(field) missing from \(text)")
        }
        #expect(text.contains("https://basic.smartedu.cn/certificates/verification/YX23-7K4M-9Q2P-H"))
    }
}
