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

    /// Instants of the admitted requests still in the window, ascending from `windowHead` (entries before it have
    /// left the window and are dropped in bulk).
    private var windowLog: [Date] = []
    private var windowHead = 0
    private var day = ""
    /// The instants `day` starts at and the next day starts at, in the organization's time zone.
    private var dayBounds: Range<Date>?
    private var dayCount = 0
    private(set) var inFlight = 0

    /// Admits a request at `now` (counting it and marking it in flight) or returns the limit it hits.
    mutating func admit(
        now: Date, configuration: ZohoBooksSimulator.Configuration, time: ZohoTimeFormat
    ) -> ZohoAPIError? {
        rollDay(now: now, time: time)
        dropWindow(upTo: now.addingTimeInterval(-configuration.rateWindowSeconds))
        if inFlight >= configuration.concurrencyLimit { return .concurrencyLimit }
        if dayCount >= configuration.dailyRequestLimit { return .dailyLimit(configuration.dailyRequestLimit) }
        if windowLog.count - windowHead >= configuration.requestsPerWindow { return .perMinuteLimit }
        logInWindow(now)
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
        let nextMidnight = rollDay(now: now, time: time)
        return Snapshot(
            limit: configuration.dailyRequestLimit,
            remaining: max(0, configuration.dailyRequestLimit - dayCount),
            resetSeconds: max(0, Int(nextMidnight.timeIntervalSince(now).rounded(.up))))
    }

    /// Starts a new daily count when `now` is on another day than the last request; returns the next midnight.
    @discardableResult
    private mutating func rollDay(now: Date, time: ZohoTimeFormat) -> Date {
        if let bounds = dayBounds, bounds.contains(now) { return bounds.upperBound }
        let today = time.day(now)
        if today != day {
            day = today
            dayCount = 0
        }
        guard let bounds = time.dayBounds(of: now) else {
            dayBounds = nil
            return now.addingTimeInterval(86_400)
        }
        dayBounds = bounds.contains(now) ? bounds : nil
        return bounds.upperBound
    }

    /// Drops the logged instants at or before `windowStart`.
    private mutating func dropWindow(upTo windowStart: Date) {
        while windowHead < windowLog.count, windowLog[windowHead] <= windowStart { windowHead += 1 }
        if windowHead > 1024, windowHead * 2 > windowLog.count {
            windowLog.removeFirst(windowHead)
            windowHead = 0
        }
    }

    /// Logs an admitted request, keeping the log ascending even if the clock was set back.
    private mutating func logInWindow(_ now: Date) {
        var position = windowLog.count
        while position > windowHead, windowLog[position - 1] > now { position -= 1 }
        windowLog.insert(now, at: position)
    }
}
