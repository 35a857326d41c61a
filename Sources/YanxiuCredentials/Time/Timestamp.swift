import Foundation

/// RFC 3339 formatting and parsing of daemon instants (milliseconds since the epoch).
public enum Timestamp {
    /// `2023-01-09T00:00:00Z`, with milliseconds only when they are not zero.
    public static func format(_ ms: Int64) -> String {
        format(ms, offsetSeconds: 0)
    }

    /// The instant in China Standard Time, `2023-01-09T08:00:00+08:00`.
    public static func formatCST(_ ms: Int64) -> String {
        format(ms, offsetSeconds: 8 * 3600)
    }

    public static func format(_ ms: Int64, offsetSeconds: Int) -> String {
        let shifted = ms + Int64(offsetSeconds) * 1000
        let seconds = shifted.floorDiv(1000)
        let millis = shifted - seconds * 1000
        let days = seconds.floorDiv(86400)
        let secondOfDay = seconds - days * 86400
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        var text = String(format: "%04d-%02d-%02dT%02d:%02d:%02d", y, m, d, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        if millis != 0 { text += String(format: ".%03d", millis) }
        if offsetSeconds == 0 {
            text += "Z"
        } else {
            let sign = offsetSeconds < 0 ? "-" : "+"
            let absolute = abs(offsetSeconds)
            text += String(format: "%@%02d:%02d", sign, absolute / 3600, absolute / 60 % 60)
        }
        return text
    }

    /// Parses RFC 3339 date-times with an explicit offset (`Z` or `±hh:mm`), fractions to milliseconds.
    public static func parse(_ text: String) -> Int64? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20 else { return nil }
        func digits(_ start: Int, _ count: Int) -> Int? {
            guard start + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[start..<start + count] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = digits(0, 4), bytes[4] == 0x2D, let month = digits(5, 2), bytes[7] == 0x2D, let day = digits(8, 2),
            bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t"),
            let hour = digits(11, 2), bytes[13] == 0x3A, let minute = digits(14, 2), bytes[16] == 0x3A, let second = digits(17, 2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilCalendar.daysIn(month: month, year: year), hour < 24, minute < 60, second < 60 else { return nil }
        var index = 19
        var millis = 0
        if index < bytes.count, bytes[index] == 0x2E {
            index += 1
            var scale = 100
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                millis += Int(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offset = 0
        if bytes[index] == UInt8(ascii: "Z") || bytes[index] == UInt8(ascii: "z") {
            index += 1
        } else if bytes[index] == 0x2B || bytes[index] == 0x2D {
            guard let oh = digits(index + 1, 2), index + 3 < bytes.count, bytes[index + 3] == 0x3A, let om = digits(index + 4, 2), oh < 24, om < 60 else { return nil }
            offset = (oh * 3600 + om * 60) * (bytes[index] == 0x2D ? -1 : 1)
            index += 6
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = CivilCalendar.days(fromCivil: year, month, day)
        let seconds = days * 86400 + Int64(hour * 3600 + minute * 60 + second) - Int64(offset)
        return seconds * 1000 + Int64(millis)
    }
}
