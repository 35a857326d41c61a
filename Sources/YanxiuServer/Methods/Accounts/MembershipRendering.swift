import JSONRPC
import Yanxiu

/// The wire shapes of memberships and administrator grants. Phone and ID numbers are masked
/// unless the caller may and asked to see them in full.
enum MembershipRendering {
    static func member(_ member: SchoolMember) -> JSONValue {
        [
            "schoolId": .int64(member.schoolID), "status": .string(member.isVerified ? "verified" : "pending"),
            "declared": ["mentalHealthTeacher": .bool(member.declaredMentalHealth), "homeroomTeacher": .bool(member.declaredHomeroom)],
            "verified": [
                "mentalHealthTeacher": .bool(member.isVerified && member.verifiedMentalHealth),
                "homeroomTeacher": .bool(member.isVerified && member.verifiedHomeroom),
            ],
            "verifiedAt": member.verifiedAt.map { .string(Timestamp.format($0)) } ?? .null,
            "joinedAt": .string(Timestamp.format(member.joinedAt)),
        ]
    }

    /// One teacher of `school.pendingTeachers`.
    static func teacher(_ listing: SchoolMemberListing, unmasked: Bool) -> JSONValue {
        var object = member(listing.member).objectValue!
        object["userId"] = .int64(listing.member.accountID)
        object["name"] = .optional(listing.name)
        object["teacherType"] = .optional(listing.teacherType)
        object["phone"] = .string(unmasked ? listing.phone : Masking.phoneNumber(listing.phone))
        object["idType"] = .optional(listing.idType)
        object["idNumber"] = .optional(listing.idNumber.map { unmasked ? $0 : Masking.idNumber($0) })
        return .object(object)
    }

    static func grant(_ grant: AdminGrant) -> JSONValue {
        [
            "userId": .int64(grant.accountID), "role": .string(grant.role.rawValue), "scope": .string(grant.scope),
            "grantedAt": .string(Timestamp.format(grant.grantedAt)),
        ]
    }
}
