/// A day of the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// ID rules compare birth dates with "today" as the caller's clock sees it in
/// China Standard Time; keeping the date a plain value keeps those rules free of
/// `Foundation.Calendar` and lets tests pin any day they like.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Fails for days that do not exist, such as 1999-02-30, and for years outside 1...9999.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year),
              let length = CalendarDate.numberOfDays(inMonth: month, year: year),
              (1...length).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads the eight digits `YYYYMMDD`; fails on anything else or on a day that does not exist.
    public init?<S: StringProtocol>(compact text: S) {
        guard text.count == 8, text.allSatisfy(AccountText.isDigit),
              let year = Int(text.prefix(4)),
              let month = Int(text.dropFirst(4).prefix(2)),
              let day = Int(text.suffix(2))
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The length of a month, or nil when `month` is not 1...12.
    public static func numberOfDays(inMonth month: Int, year: Int) -> Int? {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: return 31
        case 4, 6, 9, 11: return 30
        case 2: return isLeapYear(year) ? 29 : 28
        default: return nil
        }
    }

    /// ISO 8601 form, `YYYY-MM-DD`.
    public var description: String {
        "\(Self.padded(year, to: 4))-\(Self.padded(month, to: 2))-\(Self.padded(day, to: 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    private static func padded(_ value: Int, to width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
