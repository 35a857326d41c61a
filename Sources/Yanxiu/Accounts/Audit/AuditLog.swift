import JSONValues

/// Who did something: the account acting through its session, the peer process, or both.
public struct AuditActor: Sendable, Hashable {
    public var accountID: Int64?
    public var uid: UInt32?

    public init(accountID: Int64? = nil, uid: UInt32? = nil) {
        self.accountID = accountID
        self.uid = uid
    }
}

/// One line of the audit log, as `audit.list` shows it.
public struct AuditEntry: Sendable, Equatable {
    public var id: Int64
    public var at: Int64
    public var actorAccountID: Int64?
    public var actorUid: Int64?
    public var action: String
    public var target: String?
    public var detail: JSONObject
}

/// What `audit.list` may filter on; every filter is optional.
public struct AuditFilter: Sendable {
    public var action: String?
    public var target: String?
    public var actorAccountID: Int64?
    public var since: Int64?
    public var until: Int64?
    /// Only entries with an id below this (the `id` of the last entry of the previous page).
    public var beforeID: Int64?
    public var limit: Int = 100

    public init() {}
}
