import Foundation

/// Formats and parses Zoho Books dates and timestamps in the organization's time zone.
///
/// Timestamps (`created_time`, `last_modified_time`, `updated_time`) are `yyyy-MM-dd'T'HH:mm:ssZ` with a
/// colon-less offset, e.g. `2026-06-09T13:14:59-0400`; dates are `yyyy-MM-dd`; `*_formatted` dates on contacts are
/// `09 Jun 2026` (zoho.md §4, recorded samples).
struct ZohoTimeFormat: Sendable {
    let timeZone: TimeZone
    private let calendar: Calendar

    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// `2026-06-09T13:14:59-0400`.
    func timestamp(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let offset = timeZone.secondsFromGMT(for: date) / 60
        let sign = offset < 0 ? "-" : "+"
        return Self.digits(parts.year ?? 0, 4) + "-" + Self.digits(parts.month ?? 0, 2) + "-"
            + Self.digits(parts.day ?? 0, 2) + "T" + Self.digits(parts.hour ?? 0, 2) + ":"
            + Self.digits(parts.minute ?? 0, 2) + ":" + Self.digits(parts.second ?? 0, 2) + sign
            + Self.digits(abs(offset) / 60, 2) + Self.digits(abs(offset) % 60, 2)
    }

    /// `2026-06-09`: the calendar day of `date` in the organization's time zone.
    func day(_ date: Date) -> String {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return Self.digits(parts.year ?? 0, 4) + "-" + Self.digits(parts.month ?? 0, 2) + "-"
            + Self.digits(parts.day ?? 0, 2)
    }

    /// `value` in decimal, zero-padded to `width` characters with the sign counted, as `%0<width>d` writes it.
    static func digits(_ value: Int, _ width: Int) -> String {
        let magnitude = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        let padding = max(0, width - sign.count - magnitude.count)
        return sign + String(repeating: "0", count: padding) + magnitude
    }

    /// `09 Jun 2026` from a `yyyy-MM-dd` day.
    func formattedDay(_ day: String) -> String {
        let pieces = day.split(separator: "-")
        guard pieces.count == 3, let month = Int(pieces[1]), (1...12).contains(month) else { return day }
        let names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        return "\(pieces[2]) \(names[month - 1]) \(pieces[0])"
    }

    /// From the start of `date`'s day to the next midnight in the organization's time zone (daily quota reset);
    /// nil when the calendar cannot tell.
    func dayBounds(of date: Date) -> Range<Date>? {
        let start = calendar.startOfDay(for: date)
        guard let next = calendar.date(byAdding: .day, value: 1, to: start), start <= next else { return nil }
        return start..<next
    }

    /// The day `days` after a `yyyy-MM-dd` day.
    func day(_ day: String, plusDays days: Int) -> String? {
        guard let start = parseDay(day), let shifted = calendar.date(byAdding: .day, value: days, to: start)
        else { return nil }
        return self.day(shifted)
    }

    /// Parses `yyyy-MM-dd` as midnight in the organization's time zone; nil when malformed.
    func parseDay(_ text: String) -> Date? {
        let pieces = text.split(separator: "-", omittingEmptySubsequences: false)
        guard pieces.count == 3, pieces[0].count == 4, pieces[1].count == 2, pieces[2].count == 2,
            let year = Int(pieces[0]), let month = Int(pieces[1]), let day = Int(pieces[2]),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components), self.day(date) == text else { return nil }
        return date
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss` followed by `Z`, `±HHMM` or `±HH:MM`; nil when malformed (for example when
    /// a client sent a raw `+` that the query decoding turned into a space).
    func parseTimestamp(_ text: String) -> Date? {
        let scalars = Array(text)
        guard scalars.count >= 20, scalars[10] == "T" else { return nil }
        let body = String(scalars[0..<19])
        let zone = String(scalars[19...])
        guard let midnight = parseDay(String(body.prefix(10))) else { return nil }
        let clock = body.dropFirst(11).split(separator: ":")
        guard clock.count == 3, clock.allSatisfy({ $0.count == 2 }), let hour = Int(clock[0]),
            let minute = Int(clock[1]), let second = Int(clock[2]), hour < 24, minute < 60, second < 60,
            let offset = Self.offsetSeconds(zone)
        else { return nil }
        let localSeconds = hour * 3600 + minute * 60 + second
        let naive = calendar.dateComponents([.year, .month, .day], from: midnight)
        var utc = Calendar(identifier: .gregorian)
        utc.timeZone = TimeZone(identifier: "UTC") ?? timeZone
        guard let utcMidnight = utc.date(from: naive) else { return nil }
        return utcMidnight.addingTimeInterval(TimeInterval(localSeconds - offset))
    }

    private static func offsetSeconds(_ zone: String) -> Int? {
        if zone == "Z" { return 0 }
        let digits = zone.dropFirst().filter { $0 != ":" }
        guard let sign = zone.first, sign == "+" || sign == "-", digits.count == 4,
            let hours = Int(digits.prefix(2)), let minutes = Int(digits.suffix(2))
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }
}
