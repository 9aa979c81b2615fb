import Foundation
import SyncCore

/// Reads and writes Salesforce `dateTime` and `date` text (REST API "Valid Date and DateTime Formats").
///
/// Salesforce answers `2011-07-07T00:37:00.000+0000` (UTC, milliseconds, offset without colon); clients may also
/// meet `…Z` and `…+hh:mm`. All instants are handled in UTC with a fixed proleptic Gregorian calendar.
enum SalesforceDateTime {
    /// Parses `yyyy-MM-ddTHH:mm:ss[.fraction](Z|±hhmm|±hh:mm)`; `nil` for anything else.
    static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
              bytes[13] == 0x3A, bytes[16] == 0x3A,
              let year = number(bytes, 0, 4), let month = number(bytes, 5, 2), let day = number(bytes, 8, 2),
              let hour = number(bytes, 11, 2), let minute = number(bytes, 14, 2), let second = number(bytes, 17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction: Double = 0
        if bytes[index] == 0x2E {
            index += 1
            var scale = 0.1
            let start = index
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                fraction += Double(bytes[index] - 0x30) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        guard index < bytes.count else { return nil }
        var offsetSeconds = 0
        switch bytes[index] {
        case 0x5A:
            guard index + 1 == bytes.count else { return nil }
        case 0x2B, 0x2D:
            let sign = bytes[index] == 0x2B ? 1 : -1
            let rest = Array(bytes[(index + 1)...])
            let hm: (Int, Int)?
            if rest.count == 4, let h = number(rest, 0, 2), let m = number(rest, 2, 2) {
                hm = (h, m)
            } else if rest.count == 5, rest[2] == 0x3A, let h = number(rest, 0, 2), let m = number(rest, 3, 2) {
                hm = (h, m)
            } else {
                hm = nil
            }
            guard let (h, m) = hm else { return nil }
            offsetSeconds = sign * (h * 3600 + m * 60)
        default:
            return nil
        }
        let days = CalendarDate(year: year, month: month, day: day).daysSince1970
        let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// `yyyy-MM-ddTHH:mm:ss.SSSZ` in UTC: the form CRMSync writes into `dateTime` fields.
    static func formatForWrite(_ date: Date) -> String {
        let millis = Int((date.timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = millis.floorDivided(by: 1000)
        return formatSeconds(seconds) + String(format: ".%03dZ", millis - seconds * 1000)
    }

    /// `yyyy-MM-ddTHH:mm:ssZ` in UTC, fractions dropped (SOQL compares at whole seconds).
    static func formatForSOQL(_ date: Date) -> String {
        formatSeconds(Int(date.timeIntervalSince1970.rounded(.down))) + "Z"
    }

    private static func formatSeconds(_ epochSeconds: Int) -> String {
        let days = epochSeconds.floorDivided(by: 86_400)
        let secondOfDay = epochSeconds - days * 86_400
        let date = CalendarDate(daysSince1970: days)
        let (year, month, day) = (date.year, date.month, date.day)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
            secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ length: Int) -> Int? {
        guard start + length <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + length] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

extension Int {
    /// Division rounding towards negative infinity.
    fileprivate func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
