/// What a certificate says about its holder and the training, before it is signed.
public struct CertificateSubject: Sendable, Hashable {
    public var name: String
    /// The ID number as it may be shown (`37*****8123`), or nil when the profile has none.
    public var maskedIdNumber: String?
    public var schoolName: String
    public var regionCode: String
    /// The region's full name, e.g. `北京市海淀区`.
    public var regionName: String
    public var topicId: String
    public var topicTitle: String
    /// The training window in daemon milliseconds; the end is exclusive.
    public var windowStart: Int64
    public var windowEnd: Int64
    public var qualifyingRole: TeacherRole
    public var lessonsCompleted: Int
    public var recognisedHours: Double

    public init(
        name: String, maskedIdNumber: String?, schoolName: String, regionCode: String, regionName: String,
        topicId: String, topicTitle: String, windowStart: Int64, windowEnd: Int64,
        qualifyingRole: TeacherRole, lessonsCompleted: Int, recognisedHours: Double
    ) {
        self.name = name
        self.maskedIdNumber = maskedIdNumber
        self.schoolName = schoolName
        self.regionCode = regionCode
        self.regionName = regionName
        self.topicId = topicId
        self.topicTitle = topicTitle
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.qualifyingRole = qualifyingRole
        self.lessonsCompleted = lessonsCompleted
        self.recognisedHours = recognisedHours
    }
}
