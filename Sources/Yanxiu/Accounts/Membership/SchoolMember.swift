/// A teacher's membership of a school and the roles its administrator verified.
public struct SchoolMember: Sendable, Hashable {
    public var accountID: Int64
    public var schoolID: Int64
    public var declaredMentalHealth: Bool
    public var declaredHomeroom: Bool
    public var isVerified: Bool
    public var verifiedMentalHealth: Bool
    public var verifiedHomeroom: Bool
    public var verifiedAt: Int64?
    public var joinedAt: Int64

    public init(accountID: Int64, schoolID: Int64, declaredMentalHealth: Bool, declaredHomeroom: Bool, isVerified: Bool,
                verifiedMentalHealth: Bool, verifiedHomeroom: Bool, verifiedAt: Int64?, joinedAt: Int64) {
        self.accountID = accountID
        self.schoolID = schoolID
        self.declaredMentalHealth = declaredMentalHealth
        self.declaredHomeroom = declaredHomeroom
        self.isVerified = isVerified
        self.verifiedMentalHealth = verifiedMentalHealth
        self.verifiedHomeroom = verifiedHomeroom
        self.verifiedAt = verifiedAt
        self.joinedAt = joinedAt
    }
}

/// Whether a membership awaits its administrator or was verified.
public enum MemberStatus: String, Sendable, CaseIterable {
    case pending, verified
}

/// A member as the school's administrators list them: the membership and who the teacher says they are.
public struct SchoolMemberListing: Sendable, Hashable {
    public var member: SchoolMember
    public var name: String?
    public var teacherType: String?
    public var phone: String
    public var idType: String?
    public var idNumber: String?

    public init(member: SchoolMember, name: String?, teacherType: String?, phone: String, idType: String?, idNumber: String?) {
        self.member = member
        self.name = name
        self.teacherType = teacherType
        self.phone = phone
        self.idType = idType
        self.idNumber = idNumber
    }
}
