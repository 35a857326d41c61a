/// One school of the directory, under a county.
public struct School: Sendable, Hashable {
    public var id: Int64
    /// The directory's own code of the school (imports are idempotent on it); nil for schools added by hand without one.
    public var code: String?
    public var name: String
    /// The county it belongs to.
    public var regionCode: String
    /// Whether it is the county's "其他" placeholder, for teachers whose school is not listed yet.
    public var isOther: Bool

    public init(id: Int64, code: String?, name: String, regionCode: String, isOther: Bool) {
        self.id = id
        self.code = code
        self.name = name
        self.regionCode = regionCode
        self.isOther = isOther
    }
}
