import Foundation

/// Renders and parses EDM primitive values in SAP Gateway's JSON verbose and URI-literal forms (sap.md §2.1).
enum EDMFormat {
    /// `/Date(1700000000000)/` for Edm.DateTime.
    static func jsonDateTime(_ date: Date) -> String { "/Date(\(milliseconds(date)))/" }

    /// `/Date(1700000000000+0000)/` for Edm.DateTimeOffset (always UTC).
    static func jsonDateTimeOffset(_ date: Date) -> String { "/Date(\(milliseconds(date))+0000)/" }

    /// `PT17H49M05S` for Edm.Time.
    static func jsonTime(_ seconds: Int) -> String {
        let hours = seconds / 3600, minutes = (seconds % 3600) / 60, rest = seconds % 60
        return "PT" + twoDigits(hours) + "H" + twoDigits(minutes) + "M" + twoDigits(rest) + "S"
    }

    /// The weak ETag SAP derives from a DateTimeOffset concurrency token:
    /// `W/"datetimeoffset'2005-10-24T15%3A36%3A52.0000000Z'"`.
    static func etag(for date: Date) -> String {
        "W/\"datetimeoffset'" + isoSeconds(date, colon: "%3A") + "." + sevenDigitFraction(date) + "Z'\""
    }

    /// Milliseconds since 1970 (rounded down).
    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
    }

    /// A decimal as a string with exactly `scale` fraction digits (banker-free, half-up rounding).
    static func decimalString(_ value: Decimal, scale: Int) -> String {
        var input = value, rounded = Decimal()
        NSDecimalRound(&rounded, &input, scale, .plain)
        let negative = rounded < 0
        var text = "\(negative ? -rounded : rounded)"
        if scale > 0 {
            // The description is ASCII digits with at most one ".": count fraction digits on the bytes.
            let point = text.utf8.firstIndex(of: UInt8(ascii: "."))
            let fraction = point.map { text.utf8.distance(from: $0, to: text.utf8.endIndex) - 1 } ?? 0
            if point == nil { text += "." }
            if scale > fraction { text += String(repeating: "0", count: scale - fraction) }
        }
        return negative && rounded != 0 ? "-" + text : text
    }

    /// Decimal digits of a currency's amounts (ISO 4217 minor units; 2 unless listed).
    static func currencyDecimals(_ currency: String) -> Int {
        switch currency.uppercased() {
        case "JPY", "KRW", "CLP", "ISK", "VND", "HUF", "TWD": return 0
        case "BHD", "KWD", "OMR", "JOD", "TND": return 3
        default: return 2
        }
    }

    /// `yyyy-MM-ddTHH:mm:ss` in UTC, with `colon` between hours, minutes and seconds (`%3A` in URI literals).
    static func isoSeconds(_ date: Date, colon: String = ":") -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        // Years 1900...9999 by arithmetic (proleptic Gregorian, as the calendar agrees there); others by Calendar.
        guard seconds >= -2_208_988_800, seconds < 253_402_300_800 else {
            let components = utcCalendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
            return String(
                format: "%04d-%02d-%02dT%02d:%02d:%02d", components.year ?? 0, components.month ?? 0,
                components.day ?? 0, components.hour ?? 0, components.minute ?? 0, components.second ?? 0
            ).replacingOccurrences(of: ":", with: colon)
        }
        let total = Int(seconds)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let time = total - days * 86_400
        let (year, month, day) = civilDate(daysSince1970: days)
        var text = String(year) + "-" + twoDigits(month) + "-" + twoDigits(day) + "T" + twoDigits(time / 3600)
        text += colon + twoDigits(time % 3600 / 60) + colon + twoDigits(time % 60)
        return text
    }

    /// The Gregorian (year, month, day) of a day count since 1970-01-01 (H. Hinnant's `civil_from_days`).
    private static func civilDate(daysSince1970 days: Int) -> (Int, Int, Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Parses `2023-11-14T22:13:20`, optionally with fractional seconds and `Z` or `±hh:mm`; also a bare date.
    static func parseISO(_ text: String) -> Date? {
        let pattern = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?(Z|[+-]\d{2}:?\d{2})?$/
        guard let match = text.wholeMatch(of: pattern) else { return nil }
        var components = DateComponents()
        components.year = Int(match.1)
        components.month = Int(match.2)
        components.day = Int(match.3)
        components.hour = match.4.flatMap { Int($0) } ?? 0
        components.minute = match.5.flatMap { Int($0) } ?? 0
        components.second = match.6.flatMap { Int($0) } ?? 0
        guard var date = utcCalendar.date(from: components) else { return nil }
        if let fraction = match.7 { date += (Double("0." + fraction) ?? 0) }
        if let zone = match.8, zone != "Z" {
            let digits = zone.filter(\.isNumber)
            let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.suffix(2)) ?? 0
            let offset = Double(hours * 3600 + minutes * 60)
            date -= zone.hasPrefix("-") ? -offset : offset
        }
        return date
    }

    /// Parses the JSON forms `/Date(ms)/` and `/Date(ms+0000)/` (and ISO text) into an instant.
    static func parseJSONDate(_ text: String) -> Date? {
        if let match = text.wholeMatch(of: /\/Date\((-?\d+)(?:([+-])(\d{4}))?\)\//) {
            guard let ms = Double(match.1) else { return nil }
            return Date(timeIntervalSince1970: ms / 1000)
        }
        return parseISO(text)
    }

    /// Parses `PT12H00M00S` into seconds since midnight.
    static func parseTime(_ text: String) -> Int? {
        guard let match = text.wholeMatch(of: /PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?/) else { return nil }
        let hours = match.1.flatMap { Int($0) } ?? 0
        let minutes = match.2.flatMap { Int($0) } ?? 0
        let seconds = match.3.flatMap { Int($0) } ?? 0
        return hours * 3600 + minutes * 60 + seconds
    }

    /// Removes leading zeros from an all-digit string (SAP ALPHA/NonNegative output conversion).
    static func strippingLeadingZeros(_ text: String) -> String {
        let digits = text.utf8
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return text }
        guard digits.first == UInt8(ascii: "0") else { return text }
        let trimmed = digits.drop { $0 == UInt8(ascii: "0") }
        return trimmed.isEmpty ? "0" : String(decoding: trimmed, as: UTF8.self)
    }

    static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
        return calendar
    }()

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

    private static func sevenDigitFraction(_ date: Date) -> String {
        let fraction = date.timeIntervalSince1970 - date.timeIntervalSince1970.rounded(.down)
        let digits = Int((fraction * 10_000_000).rounded(.down))
        let text = String(digits)
        return String(repeating: "0", count: max(0, 7 - text.count)) + text
    }
}

extension Character {
    /// True for `0`...`9`.
    var isASCIIDigit: Bool { isASCII && isNumber }
}
