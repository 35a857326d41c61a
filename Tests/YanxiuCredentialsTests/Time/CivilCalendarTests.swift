import Testing
import YanxiuCredentials

@Suite("Civil calendar: dates to day numbers and back")
struct CivilCalendarTests {
    /// Day numbers counted independently (days since 1970-01-01).
    static let known: [(year: Int, month: Int, day: Int, days: Int64)] = [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017), (2023, 1, 9, 19_366),
        (1900, 3, 1, -25_508), (1600, 2, 29, -135_081), (1000, 1, 1, -354_285), (2024, 2, 29, 19_782), (9999, 12, 31, 2_932_896),
    ]

    @Test("known dates give their day numbers, and the numbers give the dates back", arguments: known.indices)
    func knownAnswers(_ index: Int) {
        let date = Self.known[index]
        #expect(CivilCalendar.days(fromCivil: date.year, date.month, date.day) == date.days)
        let back = CivilCalendar.civil(fromDays: date.days)
        #expect(back.year == date.year && back.month == date.month && back.day == date.day)
    }

    @Test("every day from 1600 to 2400 follows the one before, month lengths and leap years included")
    func consecutiveDays() {
        var (year, month, day) = (1600, 1, 1)
        var number = CivilCalendar.days(fromCivil: 1600, 1, 1)
        while year < 2400 {
            let civil = CivilCalendar.civil(fromDays: number)
            guard civil.year == year, civil.month == month, civil.day == day,
                  CivilCalendar.days(fromCivil: year, month, day) == number
            else {
                Issue.record("day \(number) is \(civil), expected \(year)-\(month)-\(day)")
                return
            }
            number += 1
            day += 1
            if day > CivilCalendar.daysIn(month: month, year: year) {
                day = 1
                month += 1
                if month > 12 { (year, month) = (year + 1, 1) }
            }
        }
    }

    @Test("leap years: every fourth, but not centuries, except every fourth century")
    func leapYears() {
        #expect(CivilCalendar.isLeap(2024) && CivilCalendar.isLeap(2000) && CivilCalendar.isLeap(1600))
        #expect(!CivilCalendar.isLeap(2023) && !CivilCalendar.isLeap(1900) && !CivilCalendar.isLeap(2100))
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29 && CivilCalendar.daysIn(month: 2, year: 1900) == 28)
    }

    @Test("floor division rounds towards negative infinity")
    func floorDivision() {
        #expect(Int64(-1).floorDiv(1000) == -1 && Int64(-1000).floorDiv(1000) == -1 && Int64(-1001).floorDiv(1000) == -2)
        #expect(Int64(999).floorDiv(1000) == 0 && Int64(1000).floorDiv(1000) == 1)
    }
}
