import Foundation
import SyncCore

/// Zoho Books timestamps (`created_time`, `last_modified_time`, `updated_time`): `yyyy-MM-dd'T'HH:mm:ssZ` with the
/// organization's UTC offset and no colon in it (`2026-06-09T13:14:59-0400`), as documented on the Books API
/// "Response" page and seen in every recorded response.
///
/// Parsing and formatting are plain arithmetic on the proleptic Gregorian calendar, so they need no shared
/// `DateFormatter` and are safe from any task.
enum ZohoTimestamp {
    /// Parses `yyyy-MM-ddTHH:mm:ss` followed by `±hhmm`, `±hh:mm` or `Z` into an instant.
    /// - Returns: the instant (UTC), or `nil` for anything else, including Zoho's empty `""`.
    static func parse(_ text: String) -> Date? {
        let chars = Array(text.utf8)
        guard chars.count >= 20, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              chars[10] == UInt8(ascii: "T"), chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              let year = number(chars, 0, 4), let month = number(chars, 5, 2), let day = number(chars, 8, 2),
              let hour = number(chars, 11, 2), let minute = number(chars, 14, 2), let second = number(chars, 17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61,
              let offset = offsetSeconds(chars[19...])
        else { return nil }
        let days = CalendarDate(year: year, month: month, day: day).daysSince1970
        let local = days * 86_400 + hour * 3_600 + minute * 60 + second
        return Date(timeIntervalSince1970: TimeInterval(local - offset))
    }

    /// Formats an instant as Zoho writes it, in the given time zone: `2026-06-09T13:14:59-0400`.
    /// Fractions of a second are dropped (rounded down).
    static func format(_ date: Date, in timeZone: TimeZone) -> String {
        let offset = timeZone.secondsFromGMT(for: date)
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + offset
        let days = Int((Double(local) / 86_400).rounded(.down))
        let secondsOfDay = local - days * 86_400
        let date = CalendarDate(daysSince1970: days)
        let (year, month, day) = (date.year, date.month, date.day)
        let sign = offset < 0 ? "-" : "+"
        let absOffset = abs(offset)
        let clock = String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, secondsOfDay / 3_600,
            (secondsOfDay % 3_600) / 60, secondsOfDay % 60)
        return clock + sign + String(format: "%02d%02d", absOffset / 3_600, (absOffset % 3_600) / 60)
    }

    private static func number(_ chars: [UInt8], _ start: Int, _ length: Int) -> Int? {
        var value = 0
        for index in start..<(start + length) {
            let c = chars[index]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(c - UInt8(ascii: "0"))
        }
        return value
    }

    private static func offsetSeconds(_ tail: ArraySlice<UInt8>) -> Int? {
        let chars = Array(tail)
        if chars == [UInt8(ascii: "Z")] { return 0 }
        guard chars.count == 5 || chars.count == 6, chars[0] == UInt8(ascii: "+") || chars[0] == UInt8(ascii: "-")
        else { return nil }
        let minutesStart = chars.count == 6 ? 4 : 3
        if chars.count == 6, chars[3] != UInt8(ascii: ":") { return nil }
        guard let hours = number(chars, 1, 2), let minutes = number(chars, minutesStart, 2), hours < 24, minutes < 60
        else { return nil }
        let seconds = hours * 3_600 + minutes * 60
        return chars[0] == UInt8(ascii: "-") ? -seconds : seconds
    }
}
