import JSONValues

/// The certificate as a W3C Verifiable Credential (Data Model 2.0), before and after signing.
///
/// Only the base context is named: the terms of our own (the certificate type and the
/// subject's members) fall under its `@vocab`, the issuer-dependent namespace, so the
/// document stays valid JSON-LD without a context file anyone would have to fetch.
public enum CertificateDocument {
    public static let context = "https://www.w3.org/ns/credentials/v2"
    public static let certificateType = "TeacherTrainingCertificate"
    public static let subjectType = "TrainedTeacher"
    public static let urnPrefix = "urn:yanxiu:certificate:"
    /// The title printed on the certificate and carried as the credential's `name`.
    public static let title = "学习证书"

    /// `urn:yanxiu:certificate:YX-7K2M-9QDT-4`
    public static func id(_ serial: CertificateSerial) -> String { urnPrefix + serial.description }

    /// The unsigned credential.
    public static func unsigned(
        subject: CertificateSubject, serial: CertificateSerial, issuerDID: String, issuerName: String, validFrom: String,
        status: CertificateStatusEntry? = nil
    ) -> JSONValue {
        var holder: JSONObject = ["type": .string(subjectType), "name": .string(subject.name)]
        if let masked = subject.maskedIdNumber { holder.append("maskedIdNumber", .string(masked)) }
        holder.append("school", [
            "name": .string(subject.schoolName),
            "region": ["code": .string(subject.regionCode), "name": .string(subject.regionName)],
        ])
        holder.append("training", [
            "id": .string(subject.topicId), "title": .string(subject.topicTitle),
            // The topic document's own convention: China Standard Time, end exclusive.
            "window": ["start": .string(Timestamp.formatCST(subject.windowStart)), "end": .string(Timestamp.formatCST(subject.windowEnd))],
        ])
        holder.append("qualifyingRole", .string(subject.qualifyingRole.rawValue))
        holder.append("lessonsCompleted", .int(subject.lessonsCompleted))
        holder.append("recognisedHours", .double(subject.recognisedHours))
        holder.append("serial", .string(serial.description))
        var document: JSONObject = [
            "@context": [.string(context)],
            "id": .string(id(serial)),
            "type": ["VerifiableCredential", .string(certificateType)],
            "name": .string(title),
            "issuer": ["id": .string(issuerDID), "name": .string(issuerName)],
            "validFrom": .string(validFrom),
            "credentialSubject": .object(holder),
        ]
        if let status { document.append("credentialStatus", status.json) }
        return .object(document)
    }

    /// The serial a document claims in its `id`, or nil when it has none.
    public static func serial(of document: JSONValue) -> CertificateSerial? {
        guard let id = document["id"]?.stringValue, id.hasPrefix(urnPrefix) else { return nil }
        return try? CertificateSerial(parsing: String(id.dropFirst(urnPrefix.count)))
    }

    /// The subject a document carries, or nil when a member is missing or malformed.
    public static func subject(of document: JSONValue) -> CertificateSubject? {
        guard let holder = document["credentialSubject"], let school = holder["school"], let training = holder["training"],
              let name = holder["name"]?.stringValue, let schoolName = school["name"]?.stringValue,
              let regionCode = school["region"]?["code"]?.stringValue, let regionName = school["region"]?["name"]?.stringValue,
              let topicId = training["id"]?.stringValue, let topicTitle = training["title"]?.stringValue,
              let start = training["window"]?["start"]?.stringValue.flatMap(Timestamp.parse),
              let end = training["window"]?["end"]?.stringValue.flatMap(Timestamp.parse),
              let role = holder["qualifyingRole"]?.stringValue.flatMap(TeacherRole.init(rawValue:)),
              let lessons = holder["lessonsCompleted"]?.int64Value, let hours = holder["recognisedHours"]?.doubleValue
        else { return nil }
        return CertificateSubject(
            name: name, maskedIdNumber: holder["maskedIdNumber"]?.stringValue, schoolName: schoolName, regionCode: regionCode,
            regionName: regionName, topicId: topicId, topicTitle: topicTitle, windowStart: start, windowEnd: end,
            qualifyingRole: role, lessonsCompleted: Int(lessons), recognisedHours: hours)
    }

    /// The document without its proof: what the signature covers, apart from the proof options.
    package static func withoutProof(_ document: JSONValue) -> JSONValue {
        guard let object = document.objectValue else { return document }
        return .object(JSONObject(object.members.filter { !$0.key.utf8.elementsEqual("proof".utf8) }))
    }
}
