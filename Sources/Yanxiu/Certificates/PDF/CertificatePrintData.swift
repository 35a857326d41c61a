/// What a printed certificate says, every field already formatted as display text.
public struct CertificatePrintData: Sendable, Hashable {
    /// The heading, e.g. "学习证书" (the manual's 电子学习证书) or "培训合格证书".
    public var title: String
    public var teacherName: String
    public var schoolName: String
    /// The school's region, e.g. "北京市海淀区"; may be empty.
    public var regionName: String
    public var topicTitle: String
    /// The training window as text, e.g. "2023年1月9日至2023年2月28日".
    public var trainingWindow: String
    public var recognisedHours: Int
    /// The issue date as text, e.g. "2023年3月1日".
    public var issueDate: String
    public var serial: String
    /// How a reader checks the certificate, printed as given.
    public var verificationHint: String
    /// The platform that issues the certificate.
    public var issuerName: String
    /// Large faint text across the page, e.g. "样例" for demonstration copies; nil for real ones.
    public var watermark: String?
    /// What the QR code under the issuer says (serial, digest, perhaps a link); nil for none.
    public var qrText: String?

    public init(
        title: String = "学习证书",
        teacherName: String,
        schoolName: String,
        regionName: String,
        topicTitle: String,
        trainingWindow: String,
        recognisedHours: Int,
        issueDate: String,
        serial: String,
        verificationHint: String,
        issuerName: String,
        watermark: String? = nil,
        qrText: String? = nil
    ) {
        self.title = title
        self.teacherName = teacherName
        self.schoolName = schoolName
        self.regionName = regionName
        self.topicTitle = topicTitle
        self.trainingWindow = trainingWindow
        self.recognisedHours = recognisedHours
        self.issueDate = issueDate
        self.serial = serial
        self.verificationHint = verificationHint
        self.issuerName = issuerName
        self.watermark = watermark
        self.qrText = qrText
    }
}

extension CertificatePrintData {
    /// The sentence that certifies: who, from which school, which training, how many hours.
    ///
    /// The school is named as people write it, by its own name: school names usually begin
    /// with their place already (北京市第二中学), so the region is printed on a line of its own.
    var statement: String {
        "\(teacherName)同志（\(affiliation)）参加“\(topicTitle)”专题研修，"
            + "完成规定学习任务，认定学时\(recognisedHours)学时，特发此证。"
    }

    /// The school's own name; for a county's placeholder school (其他), the region instead.
    var affiliation: String {
        schoolName == SchoolDirectory.otherName && !regionName.isEmpty ? regionName : schoolName
    }
}
