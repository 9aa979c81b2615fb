import Foundation
import NIOHTTP1

/// Zoho's quota headers (zoho.md §5, `samples/errors/rate-limit-headers.json`): `X-Rate-Limit-Limit` (the daily
/// quota), `X-Rate-Limit-Remaining` and `X-Rate-Limit-Reset` (seconds until the daily counter resets), sent as
/// strings, sometimes with lower-cased names.
struct ZohoRateLimitHeaders: Sendable, Hashable {
    var limit: Int?
    var remaining: Int?
    /// Seconds until the window resets.
    var resetSeconds: Double?

    init(limit: Int?, remaining: Int?, resetSeconds: Double?) {
        self.limit = limit
        self.remaining = remaining
        self.resetSeconds = resetSeconds
    }

    /// Reads the headers (names are case-insensitive in `HTTPHeaders`).
    init(_ headers: HTTPHeaders) {
        func value(_ name: String) -> String? {
            headers.first(name: name)?.trimmingCharacters(in: .whitespaces)
        }
        limit = value("X-Rate-Limit-Limit").flatMap { Int($0) }
        remaining = value("X-Rate-Limit-Remaining").flatMap { Int($0) }
        resetSeconds = value("X-Rate-Limit-Reset").flatMap { Double($0) }.flatMap { $0.isFinite && $0 >= 0 ? $0 : nil }
    }
}
