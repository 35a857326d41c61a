import Crypto
import JSONValues

extension CertificatePrintData {
    /// What the PDF of a signed certificate shows: exactly what the document says, a QR code
    /// with its serial and digest, and where a reader checks it.
    ///
    /// `verificationURL` is the public address of the verification page (`contrib/verify/`),
    /// when the operator publishes one. Returns nil for a document that is not one of ours.
    public init?(document: JSONValue, verificationURL: String? = nil) {
        guard let subject = CertificateDocument.subject(of: document), let serial = CertificateDocument.serial(of: document),
              let validFrom = document["validFrom"]?.stringValue.flatMap(Timestamp.parse),
              let digest = CertificateDigest(document: document)
        else { return nil }
        let issuer = document["issuer"]?["name"]?.stringValue ?? IssuerKeyring.defaultIssuerName
        // The window's end is exclusive: the last day of training is the day before it.
        let lastDay = ChineseDate.format(subject.windowEnd - 1)
        let link = verificationURL.flatMap { $0.isEmpty ? nil : $0 }
        let hint = link.map { "核验：用手机扫描右侧二维码，或打开 \($0) 选择本证书的PDF文件，即可核验签名与撤销状态。" }
            ?? "核验：本PDF文件内附已签名的电子证书，选入\(issuer)的证书核验网页即可核验签名与撤销状态；"
            + "右侧二维码含证书编号与证书摘要。"
        self.init(
            title: document["name"]?.stringValue ?? CertificateDocument.title,
            teacherName: subject.name, schoolName: subject.schoolName, regionName: subject.regionName,
            topicTitle: subject.topicTitle, trainingWindow: "\(ChineseDate.format(subject.windowStart))至\(lastDay)",
            recognisedHours: Int(subject.recognisedHours.rounded(.down)), issueDate: ChineseDate.format(validFrom),
            serial: serial.description, verificationHint: hint, issuerName: issuer,
            qrText: digest.qrText(serial: serial, verificationURL: link))
    }
}

/// The SHA-256 of a certificate's canonical form (RFC 8785), as the QR code and the
/// verification page spell it: base64url without padding.
public struct CertificateDigest: Sendable, Equatable {
    public let base64url: String

    public init?(document: JSONValue) {
        guard let canonical = try? JSONCanonicalizer.canonicalize(document) else { return nil }
        let digest = Array(SHA256.hash(data: canonical))
        base64url = Base64URL.encode(digest)
    }

    /// `YX-7K2M-9QDT-4 SHA-256:…` alone, or as the query of the verification page's address:
    /// `https://…/verify/?serial=YX-7K2M-9QDT-4&sha256=…`.
    public func qrText(serial: CertificateSerial, verificationURL: String?) -> String {
        guard let url = verificationURL else { return "\(serial) SHA-256:\(base64url)" }
        return url + (url.contains("?") ? "&" : "?") + "serial=\(serial)&sha256=\(base64url)"
    }
}

/// Dates as a Chinese certificate prints them, in China Standard Time: `2023年3月1日`.
public enum ChineseDate {
    public static func format(_ ms: Int64) -> String {
        let days = (ms + 8 * 3_600_000).floorDiv(86_400_000)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        return "\(year)年\(month)月\(day)日"
    }
}
