import Foundation

/// A field value as stored: text, boolean, decimal number, date (midnight UTC) or date-time (UTC, whole seconds).
public enum FieldValue: Sendable, Hashable {
    case null
    case string(String)
    case bool(Bool)
    case number(Decimal)
    /// A date field value; the `Date` is midnight UTC of that day.
    case date(Date)
    /// A date-time field value in UTC, kept to whole seconds as Salesforce stores it.
    case dateTime(Date)

    var isNull: Bool { self == .null }

    /// The JSON form Salesforce writes: dates `yyyy-MM-dd`, date-times `yyyy-MM-ddTHH:mm:ss.000+0000`, numbers as
    /// JSON numbers.
    var json: JSONValue {
        switch self {
        case .null: return .null
        case .string(let value): return .string(value)
        case .bool(let value): return .bool(value)
        case .number(let value): return .number(value)
        case .date(let value): return .string(SalesforceDateFormat.date(value))
        case .dateTime(let value): return .string(SalesforceDateFormat.dateTime(value))
        }
    }
}

/// The date and date-time text formats of the Salesforce REST API ("Valid Date and DateTime Formats").
enum SalesforceDateFormat {
    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// `2026-11-30T12:00:00.000+0000`.
    static func dateTime(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down)) % 1000
        return digits(parts.year!, 4) + "-" + digits(parts.month!, 2) + "-" + digits(parts.day!, 2) + "T"
            + digits(parts.hour!, 2) + ":" + digits(parts.minute!, 2) + ":" + digits(parts.second!, 2) + "."
            + digits((millis + 1000) % 1000, 3) + "+0000"
    }

    /// `2026-11-30`.
    static func date(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        return digits(parts.year!, 4) + "-" + digits(parts.month!, 2) + "-" + digits(parts.day!, 2)
    }

    /// `value` in decimal, zero-padded to `width` characters with the sign counted, as `%0<width>d` writes it.
    static func digits(_ value: Int, _ width: Int) -> String {
        let magnitude = String(value.magnitude)
        let sign = value < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - sign.count - magnitude.count)) + magnitude
    }

    /// Midnight UTC of a valid `yyyy-MM-dd`, or nil.
    static func parseDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard text.count == 10, parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        return makeDate(year: year, month: month, day: day, hour: 0, minute: 0, second: 0)
    }

    /// Parses `yyyy-MM-ddTHH:mm:ss[.SSS](Z|±hh:mm|±hhmm)`; the instant in UTC, or nil.
    static func parseDateTime(_ text: String) -> Date? {
        let characters = Array(text)
        guard characters.count >= 20, characters[10] == "T" || characters[10] == "t",
            let day = parseDate(String(characters[0..<10]))
        else { return nil }
        let time = characters[11..<19]
        guard time[time.startIndex + 2] == ":", time[time.startIndex + 5] == ":",
            let hour = Int(String(time[time.startIndex..<time.startIndex + 2])),
            let minute = Int(String(time[time.startIndex + 3..<time.startIndex + 5])),
            let second = Int(String(time[time.startIndex + 6..<time.startIndex + 8])),
            hour < 24, minute < 60, second < 60
        else { return nil }
        var rest = characters[19...]
        var millis = 0.0
        if rest.first == "." {
            let digits = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
            guard !digits.isEmpty, let fraction = Double("0." + String(digits)) else { return nil }
            millis = fraction
            rest = rest.dropFirst(1 + digits.count)
        }
        guard let offset = parseOffset(String(rest)) else { return nil }
        let seconds = Double(hour * 3600 + minute * 60 + second) + millis - Double(offset)
        return day.addingTimeInterval(seconds)
    }

    /// Seconds east of UTC for `Z`, `+hh:mm`, `-hh:mm`, `+hhmm` or `-hhmm`.
    private static func parseOffset(_ text: String) -> Int? {
        if text == "Z" || text == "z" { return 0 }
        let characters = Array(text)
        guard let sign = characters.first, sign == "+" || sign == "-" else { return nil }
        let digits = characters.dropFirst().filter { $0 != ":" }
        guard digits.count == 4, text.count == 5 || (text.count == 6 && characters[3] == ":"),
            let hours = Int(String(digits.prefix(2))), let minutes = Int(String(digits.suffix(2))), hours < 24,
            minutes < 60
        else { return nil }
        return (sign == "-" ? -1 : 1) * (hours * 3600 + minutes * 60)
    }

    private static func makeDate(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = utcCalendar.date(from: components),
            utcCalendar.dateComponents([.year, .month, .day], from: date) == DateComponents(year: year, month: month, day: day)
        else { return nil }
        return date
    }

    /// `date` truncated to whole seconds (Salesforce keeps date-times at second precision).
    static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
