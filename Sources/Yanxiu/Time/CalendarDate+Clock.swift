extension CalendarDate {
    /// The day it is in China Standard Time at a daemon instant: what "today" means for birth dates.
    public static func inChina(atMs ms: Int64) -> CalendarDate {
        let days = (ms + 8 * 3_600_000).floorDiv(86_400_000)
        let (year, month, day) = CivilCalendar.civil(fromDays: days)
        return CalendarDate(year: year, month: month, day: day)!
    }
}
