import JSONRPC
import Yanxiu

/// The reply shapes of the account methods.
enum AccountRendering {
    static func session(_ opened: OpenedSession) -> JSONValue {
        ["session": .string(opened.token), "userId": .int64(opened.userID), "expiresAt": timestamp(opened.expiresAt)]
    }

    /// The account as `account.me` and operators' lookups show it; phone and ID number masked unless
    /// `unmasked` (operators only; the caller checks).
    static func profile(_ profile: AccountProfile, unmasked: Bool) -> JSONValue {
        let account = profile.account
        return [
            "userId": .int64(account.id),
            "phone": .string(unmasked ? account.phone : Masking.phoneNumber(account.phone)),
            "identity": .optional(account.identity),
            "nickname": .optional(account.nickname),
            "name": .optional(account.name),
            "teacherType": .optional(account.teacherType),
            "school": profile.school.map(DirectoryRendering.school) ?? .null,
            "idType": .optional(account.idType),
            "idNumber": .optional(account.idNumber.map { unmasked ? $0 : Masking.idNumber($0) }),
            "title": .optional(account.title),
            "stage": .optional(account.stage),
            "subject": .optional(account.subject),
            "membership": profile.membership.map(MembershipRendering.member) ?? .null,
            "profileLocked": .bool(profile.membership?.isVerified ?? false),
            "passwordLoginLocked": .bool(profile.passwordLoginLocked),
            "grants": .array(profile.grants.map(MembershipRendering.grant)),
            "createdAt": timestamp(account.createdAt),
        ]
    }

    static func message(_ message: SMSMessage) -> JSONValue {
        ["phone": .string(message.phone), "text": .string(message.text), "sentAt": timestamp(message.sentAt)]
    }
}
