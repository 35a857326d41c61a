import JSONRPC

extension CertificatePrintData {
    /// What the PDF of a signed certificate shows: exactly what the document says.
    ///
    /// Returns nil for a document that is not one of ours (a member is missing).
    public init?(document: JSONValue) {
        guard let subject = CertificateDocument.subject(of: document), let serial = CertificateDocument.serial(of: document),
              let validFrom = document["validFrom"]?.stringValue.flatMap(Timestamp.parse)
        else { return nil }
        let issuer = document["issuer"]?["name"]?.stringValue ?? IssuerKeyring.defaultIssuerName
        // The window's end is exclusive: the last day of training is the day before it.
        let lastDay = ChineseDate.format(subject.windowEnd - 1)
        self.init(
            title: document["name"]?.stringValue ?? CertificateDocument.title,
            teacherName: subject.name, schoolName: subject.schoolName, regionName: subject.regionName,
            topicTitle: subject.topicTitle, trainingWindow: "\(ChineseDate.format(subject.windowStart))至\(lastDay)",
            recognisedHours: Int(subject.recognisedHours.rounded(.down)), issueDate: ChineseDate.format(validFrom),
            serial: serial.description,
            verificationHint: "验证：电子证书文件可用 yanxiuctl certificates verify 离线核验签名；"
                + "或向\(issuer)提供证书编号 \(serial) 查验真伪与是否撤销。",
            issuerName: issuer)
    }
}

/// Dates as a Chinese certificate prints them, in China Standard Time: `2023年3月1日`.
public enum ChineseDate {
    public static func format(_ ms: Int64) -> String {
        let days = (ms + 8 * 3_600_000).floorDiv(86_400_000)
        let (year, month, day) = Timestamp.civil(fromDays: days)
        return "\(year)年\(month)月\(day)日"
    }
}
