import Foundation
import Yanxiu

/// Certificates the tests render: the demo teacher, and variants that stress layout.
enum CertificateSamples {
    static let demo = CertificatePrintData(
        teacherName: "王小明",
        schoolName: "海淀区示例第一小学",
        regionName: "北京市",
        topicTitle: "心理健康教育教师培训",
        trainingWindow: "2023年1月9日至2023年2月28日",
        recognisedHours: 18,
        issueDate: "2023年3月1日",
        serial: "YX23-7K4M-9Q2P-H",
        verificationHint: "验证：yanxiuctl certificates verify 证书文件，或在平台输入证书编号 YX23-7K4M-9Q2P-H 查验。",
        issuerName: "国家中小学智慧教育平台"
    )

    /// The demo certificate marked as a sample, as kept in contrib/.
    static var sample: CertificatePrintData {
        var sample = demo
        sample.watermark = "样例"
        return sample
    }

    /// A fresh directory under the system's temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("yanxiu-cert-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
