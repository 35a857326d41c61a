/// A GB/T 2260 administrative division code: six digits, `PPCCXX` for province, city, county.
public struct RegionCode: Sendable, Hashable, CustomStringConvertible {
    /// The level of a division in the directory.
    public enum Level: String, Sendable, CaseIterable, Comparable {
        case province, city, county

        var rank: Int {
            switch self {
            case .province: 0
            case .city: 1
            case .county: 2
            }
        }

        public static func < (lhs: Level, rhs: Level) -> Bool { lhs.rank < rhs.rank }
    }

    public let value: String

    /// Six ASCII digits whose province part is not `00`; nil otherwise.
    public init?(_ text: String) {
        let trimmed = String(AccountText.trimmed(text))
        guard trimmed.count == 6, trimmed.allSatisfy(AccountText.isDigit), !trimmed.hasPrefix("00") else { return nil }
        value = trimmed
    }

    public var description: String { value }

    /// The level the code's shape implies: `PP0000` a province, `PPCC00` a city, anything else a county.
    public var impliedLevel: Level {
        if value.hasSuffix("0000") { return .province }
        if value.hasSuffix("00") { return .city }
        return .county
    }

    /// `PP0000`.
    public var provinceCode: String { String(value.prefix(2)) + "0000" }
    /// `PPCC00`.
    public var cityCode: String { String(value.prefix(4)) + "00" }

    /// The parents a code may have, nearest first: a county's city, then its province
    /// (the districts of Beijing or Shanghai sit directly under the province); a city's province.
    public var parentCandidates: [String] {
        switch impliedLevel {
        case .province: []
        case .city: [provinceCode]
        case .county: [cityCode, provinceCode]
        }
    }

    /// The prefix every code under a division of `level` shares, for range searches.
    public func prefix(for level: Level) -> String {
        switch level {
        case .province: String(value.prefix(2))
        case .city: String(value.prefix(4))
        case .county: value
        }
    }
}
