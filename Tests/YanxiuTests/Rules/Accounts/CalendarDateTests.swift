import Testing
import Yanxiu

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test("leap years follow the Gregorian rule", arguments: [
        (2000, true), (2024, true), (1996, true), (1900, false), (2100, false), (2023, false), (2400, true),
    ])
    func leapYears(year: Int, leap: Bool) {
        #expect(CalendarDate.isLeapYear(year) == leap)
        #expect((CalendarDate(year: year, month: 2, day: 29) != nil) == leap)
    }

    @Test("days that do not exist are refused", arguments: [
        (1999, 2, 30), (2023, 2, 29), (1990, 4, 31), (1990, 6, 31), (1990, 9, 31), (1990, 11, 31),
        (1990, 1, 32), (1990, 13, 1), (1990, 0, 1), (1990, 1, 0), (0, 1, 1), (10000, 1, 1), (1990, -1, 1),
    ])
    func impossibleDays(year: Int, month: Int, day: Int) {
        #expect(CalendarDate(year: year, month: month, day: day) == nil)
    }

    @Test("the last day of every month exists", arguments: [
        (1, 31), (2, 28), (3, 31), (4, 30), (5, 31), (6, 30), (7, 31), (8, 31), (9, 30), (10, 31), (11, 30), (12, 31),
    ])
    func lastDays(month: Int, last: Int) {
        #expect(CalendarDate(year: 2023, month: month, day: last) != nil)
        #expect(CalendarDate(year: 2023, month: month, day: last + 1) == nil)
        #expect(CalendarDate.numberOfDays(inMonth: month, year: 2023) == last)
    }

    @Test("compact YYYYMMDD text is read, anything else refused")
    func compact() {
        #expect(CalendarDate(compact: "19900307") == CalendarDate(year: 1990, month: 3, day: 7))
        #expect(CalendarDate(compact: "19990230") == nil)
        #expect(CalendarDate(compact: "1990037") == nil)
        #expect(CalendarDate(compact: "199003071") == nil)
        #expect(CalendarDate(compact: "1990-3-7") == nil)
        #expect(CalendarDate(compact: "+1990307") == nil)
        #expect(CalendarDate(compact: "１９９００３０７") == nil)
    }

    @Test("dates order by year, then month, then day")
    func ordering() {
        let dates = [(2023, 1, 9), (2022, 12, 31), (2023, 1, 10), (2023, 2, 1)]
            .map { CalendarDate(year: $0.0, month: $0.1, day: $0.2)! }
        #expect(dates.sorted().map(\.description) == ["2022-12-31", "2023-01-09", "2023-01-10", "2023-02-01"])
    }

    @Test("the description is ISO 8601 with padding")
    func description() {
        #expect(CalendarDate(year: 999, month: 1, day: 2)!.description == "0999-01-02")
    }
}
