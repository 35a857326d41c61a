/// One GB/T 2260 administrative division as the directory keeps it.
public struct Region: Sendable, Hashable {
    public var code: String
    public var name: String
    public var level: RegionCode.Level
    /// The division it belongs to; nil for a province.
    public var parentCode: String?

    public init(code: String, name: String, level: RegionCode.Level, parentCode: String?) {
        self.code = code
        self.name = name
        self.level = level
        self.parentCode = parentCode
    }
}
