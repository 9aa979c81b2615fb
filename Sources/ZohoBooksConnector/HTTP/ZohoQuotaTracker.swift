import Foundation
import SyncCore

/// The last daily quota Zoho Books reported in `X-Rate-Limit-Limit/Remaining/Reset`, for `ZohoBooksClient.quota()`.
actor ZohoQuotaTracker {
    private var snapshot: QuotaSnapshot?

    /// Records the headers of one response seen at `now` (UTC); responses without the headers change nothing.
    func record(_ headers: ZohoRateLimitHeaders, at now: Date) {
        guard let limit = headers.limit, let remaining = headers.remaining else { return }
        snapshot = QuotaSnapshot(
            used: max(limit - remaining, 0), limit: limit,
            resetsAt: headers.resetSeconds.map { now.addingTimeInterval($0) }, observedAt: now)
    }

    /// The last snapshot, `nil` before the first response with quota headers.
    func current() -> QuotaSnapshot? { snapshot }
}
