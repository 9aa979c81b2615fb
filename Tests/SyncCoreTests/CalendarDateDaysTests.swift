import SyncCore
import Testing

/// Day counts of the proleptic Gregorian calendar, as Python's `datetime.date` gives them
/// (`(date(y, m, d) - date(1970, 1, 1)).days`): century and leap days, both sides of the epoch.
@Suite struct CalendarDateDaysTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11_016), (2000, 3, 1, 11_017), (2024, 2, 29, 19_782),
        (2026, 11, 30, 20_787), (1900, 3, 1, -25_508), (9999, 12, 31, 2_932_896), (1, 1, 1, -719_162),
    ])
    func daysSince1970_bothWays(year: Int, month: Int, day: Int, days: Int) {
        let date = CalendarDate(year: year, month: month, day: day)
        #expect(date.daysSince1970 == days)
        #expect(CalendarDate(daysSince1970: days) == date)
    }
}
