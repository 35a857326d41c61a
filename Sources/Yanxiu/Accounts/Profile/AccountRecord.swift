/// An account as the profile rules read it; `passwordLockedUntil` is the latest end of any login lock of its phone.
public struct AccountRecord: Sendable, Hashable {
    public var id: Int64
    public var phone: String
    public var passwordHash: String
    public var identity: String?
    public var nickname: String?
    public var name: String?
    public var teacherType: String?
    public var schoolID: Int64?
    public var idType: String?
    public var idNumber: String?
    public var title: String?
    public var stage: String?
    public var subject: String?
    public var passwordLockedUntil: Int64?
    public var createdAt: Int64

    public var isTeacher: Bool { identity == "teacher" }

    /// The audit target naming this account.
    public static func target(_ id: Int64) -> String { "account:\(id)" }
}

extension AccountsStore {
    /// The account, or 404 `account.unknown`.
    public func requireAccount(id: Int64) throws -> AccountRecord {
        guard let account = try account(id: id) else { throw DomainError.notFound("account.unknown", "No account with this userId") }
        return account
    }
}
