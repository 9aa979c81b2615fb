import Foundation
import NIOHTTP1

/// Reads a server's requested wait from response headers.
enum RetryAfter {
    /// Seconds to wait as the server asked: `Retry-After` (delta seconds or an HTTP date, RFC 9110 §10.2.3), or on
    /// a 429 Zoho's `X-Rate-Limit-Reset` (seconds until the limit resets). Nil when neither is present or parseable.
    static func seconds(status: Int, headers: HTTPHeaders, now: Date) -> Double? {
        if let value = headers.first(name: "Retry-After")?.trimmingCharacters(in: .whitespaces), !value.isEmpty {
            if let seconds = Double(value), seconds.isFinite { return max(seconds, 0) }
            if let date = parseHTTPDate(value) { return max(date.timeIntervalSince(now), 0) }
        }
        if status == 429, let reset = headers.first(name: "X-Rate-Limit-Reset"),
            let seconds = Double(reset.trimmingCharacters(in: .whitespaces)), seconds.isFinite
        {
            return max(seconds, 0)
        }
        return nil
    }

    /// Parses an IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`), or the obsolete RFC 850 and asctime forms.
    static func parseHTTPDate(_ text: String) -> Date? {
        for format in ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"] {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
