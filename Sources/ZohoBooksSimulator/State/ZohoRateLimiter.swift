import Foundation

/// The Books API limits of one organization (zoho.md §5): requests per window (code 44), calls per day in the
/// organization's time zone (code 45), requests in flight (code 1070). Only admitted requests count.
struct ZohoRateLimiter: Sendable {
    /// Values of the `X-Rate-Limit-*` headers (daily quota).
    struct Snapshot: Sendable, Equatable {
        var limit: Int
        var remaining: Int
        var resetSeconds: Int
    }

    private var windowLog: [Date] = []
    private var day = ""
    private var dayCount = 0
    private(set) var inFlight = 0

    /// Admits a request at `now` (counting it and marking it in flight) or returns the limit it hits.
    mutating func admit(
        now: Date, configuration: ZohoBooksSimulator.Configuration, time: ZohoTimeFormat
    ) -> ZohoAPIError? {
        rollDay(now: now, time: time)
        let windowStart = now.addingTimeInterval(-configuration.rateWindowSeconds)
        windowLog.removeAll { $0 <= windowStart }
        if inFlight >= configuration.concurrencyLimit { return .concurrencyLimit }
        if dayCount >= configuration.dailyRequestLimit { return .dailyLimit(configuration.dailyRequestLimit) }
        if windowLog.count >= configuration.requestsPerWindow { return .perMinuteLimit }
        windowLog.append(now)
        dayCount += 1
        inFlight += 1
        return nil
    }

    /// Marks an admitted request as answered.
    mutating func finish() { inFlight = max(0, inFlight - 1) }

    /// The daily quota as the headers report it at `now`.
    mutating func snapshot(
        now: Date, configuration: ZohoBooksSimulator.Configuration, time: ZohoTimeFormat
    ) -> Snapshot {
        rollDay(now: now, time: time)
        return Snapshot(
            limit: configuration.dailyRequestLimit,
            remaining: max(0, configuration.dailyRequestLimit - dayCount),
            resetSeconds: time.secondsUntilNextMidnight(after: now))
    }

    private mutating func rollDay(now: Date, time: ZohoTimeFormat) {
        let today = time.day(now)
        if today != day {
            day = today
            dayCount = 0
        }
    }
}
