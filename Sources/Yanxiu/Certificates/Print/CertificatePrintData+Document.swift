import Crypto
import JSONRPC

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

/// Base64url without padding (RFC 4648 §5).
public enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    public static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let chunk = bytes[index..<min(index + 3, bytes.count)]
            var value = 0
            for (offset, byte) in chunk.enumerated() { value |= Int(byte) << (16 - 8 * offset) }
            for position in 0...chunk.count { output.append(alphabet[(value >> (18 - 6 * position)) & 63]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    public static func decode(_ text: String) -> [UInt8]? {
        var values: [Int] = []
        for byte in text.utf8 {
            guard let value = alphabet.firstIndex(of: byte) else { return nil }
            values.append(value)
        }
        guard values.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        var index = 0
        while index < values.count {
            let chunk = values[index..<min(index + 4, values.count)]
            var value = 0
            for (offset, sixBits) in chunk.enumerated() { value |= sixBits << (18 - 6 * offset) }
            for position in 0..<(chunk.count - 1) { output.append(UInt8((value >> (16 - 8 * position)) & 0xFF)) }
            index += 4
        }
        return output
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
