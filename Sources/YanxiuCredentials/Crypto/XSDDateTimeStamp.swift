import Foundation

/// The XML Schema 1.1 `dateTimeStamp` form that Data Integrity's `created` and `expires`
/// must take: `2023-02-24T23:36:38Z`, optional fraction, `Z` or a `±hh:mm` offset.
///
/// Formatting is done with civil-calendar arithmetic rather than a date formatter so the
/// signed text can never depend on a locale, a calendar setting or a time zone database.
public enum XSDDateTimeStamp {
    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, whole seconds (fractions are dropped: a proof's
    /// creation time needs no more, and shorter text is what other implementations emit).
    public static func string(from date: Date) -> String {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
        let days = seconds.floorDiv(86_400)
        let secondOfDay = Int(seconds - days * 86_400)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        return pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T"
            + pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2) + "Z"
    }

    /// The instant a `dateTimeStamp` names, or nil when the text is not one.
    public static func date(from text: String) -> Date? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= b.count else { return nil }
            var value = 0
            for j in i..<(i + count) {
                guard b[j] >= UInt8(ascii: "0"), b[j] <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(b[j] - UInt8(ascii: "0"))
            }
            i += count
            return value
        }
        func expect(_ ascii: Character) -> Bool {
            guard i < b.count, b[i] == ascii.asciiValue! else { return false }
            i += 1
            return true
        }
        // Years before 1000 and after 9999 exist in XSD but never in a certificate.
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              expect("T"), let hour = digits(2), expect(":"), let minute = digits(2), expect(":"),
              let second = digits(2)
        else { return nil }
        var fraction = 0.0
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            var scale = 0.1
            while i < b.count, b[i] >= UInt8(ascii: "0"), b[i] <= UInt8(ascii: "9") {
                fraction += Double(b[i] - UInt8(ascii: "0")) * scale
                scale /= 10
                i += 1
            }
            guard i > start else { return nil }
        }
        var offsetSeconds = 0
        if expect("Z") {
            offsetSeconds = 0
        } else if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") {
            let sign = b[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let offsetHour = digits(2), expect(":"), let offsetMinute = digits(2),
                  offsetHour < 14 || (offsetHour == 14 && offsetMinute == 0), offsetMinute < 60
            else { return nil }
            offsetSeconds = sign * (offsetHour * 3600 + offsetMinute * 60)
        } else {
            return nil  // a dateTimeStamp must say its offset
        }
        guard i == b.count, (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year),
              hour < 24, minute < 60, second < 60
        else { return nil }
        let days = CivilCalendar.days(fromCivil: year, month, day)
        let local = Double(days * 86_400 + Int64(hour * 3600 + minute * 60 + second)) + fraction
        return Date(timeIntervalSince1970: local - Double(offsetSeconds))
    }

    /// Whether the text is a valid `dateTimeStamp`.
    public static func isValid(_ text: String) -> Bool { date(from: text) != nil }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
