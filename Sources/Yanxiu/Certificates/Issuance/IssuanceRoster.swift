/// Every teacher enrolled in a topic, sorted into those to certify now, those who already
/// hold a certificate and those who do not qualify (by reason).
public struct IssuanceRoster: Sendable {
    /// A teacher who qualifies and holds no live certificate yet.
    public struct Candidate: Sendable {
        public var accountID: Int64
        public var subject: CertificateSubject
    }

    public var enrolled = 0
    public var alreadyHeld = 0
    public var notQualified: [String: Int] = [:]
    public var candidates: [Candidate] = []

    /// Why a qualifying teacher still cannot be certified: the certificate needs a name.
    public static let profileIncomplete = "profile.incomplete"

    static func load(_ certificates: any CertificatesStore, topic: IssuanceTopic) throws -> IssuanceRoster {
        let assessments = try assess(certificates, topic: topic)
        var regions = RegionNames()
        var roster = IssuanceRoster()
        for entry in try certificates.rosterEntries(topicId: topic.id) {
            roster.enrolled += 1
            if entry.holdsLiveCertificate {
                roster.alreadyHeld += 1
                continue
            }
            let assessment = assessments[entry.accountID] ?? topic.credit.assess(completedLessonHours: [], verifiedRoles: [])
            guard let role = assessment.qualifyingRole else {
                roster.notQualified[assessment.missing?.reason ?? "credit.not_qualified", default: 0] += 1
                continue
            }
            // A verified member always has a school; a certificate without a name is no certificate.
            guard let name = entry.name.flatMap({ $0.isEmpty ? nil : $0 }), let schoolName = entry.schoolName, let regionCode = entry.regionCode else {
                roster.notQualified[profileIncomplete, default: 0] += 1
                continue
            }
            let idNumber = entry.idNumber.flatMap { $0.isEmpty ? nil : Masking.idNumber($0) }
            roster.candidates.append(Candidate(accountID: entry.accountID, subject: CertificateSubject(
                name: name, maskedIdNumber: idNumber, schoolName: schoolName, regionCode: regionCode,
                regionName: try regions.fullName(certificates, code: regionCode), topicId: topic.id, topicTitle: topic.title,
                windowStart: topic.windowStart, windowEnd: topic.windowEnd, qualifyingRole: role,
                lessonsCompleted: assessment.completedLessons, recognisedHours: assessment.recognisedHours)))
        }
        return roster
    }

    /// The credit assessment of every enrolled teacher, by the rule `ProgressSummary` applies
    /// to one (`CreditPolicy.assess` over completed lessons and verified roles), read in bulk.
    static func assess(_ certificates: any CertificatesStore, topic: IssuanceTopic) throws -> [Int64: CreditAssessment] {
        let hours = try certificates.completedLessonHours(topicId: topic.id)
        var assessments: [Int64: CreditAssessment] = [:]
        for (accountID, roles) in try certificates.enrolledVerifiedRoles(topicId: topic.id) {
            assessments[accountID] = topic.credit.assess(completedLessonHours: hours[accountID] ?? [], verifiedRoles: roles)
        }
        return assessments
    }
}
