import Foundation
import SyncCore

extension SalesforceClient {
    /// Refreshes the org's daily API usage with one cheap call: `GET /services/data/vXX.X/limits` (REST API
    /// "Limits" resource, `DailyApiRequests` `Max` / `Remaining`, rolling 24 hours).
    ///
    /// The answer's `Sforce-Limit-Info: api-usage=used/limit` header updates ``quota()`` like every response; the
    /// body's `DailyApiRequests` is the fallback when the header is missing. The call itself counts against the
    /// allowance. The quota guard uses it to see, at most every few minutes, whether a guarded org's window has
    /// freed up.
    /// - Returns: the usage now (calls used of the allowance); `nil` when neither header nor body carries it.
    /// - Throws: `SyncError` (system `.salesforce`): `.quotaExhausted` (403 `REQUEST_LIMIT_EXCEEDED`, after which
    ///   ``quota()`` still holds the header's usage), `.authenticationFailed`, `.forbidden` (the user lacks "View
    ///   Setup and Configuration"), and the HTTP layer's transport codes.
    public func refreshQuota() async throws -> QuotaSnapshot? {
        let before = session.quota
        let body = try await getJSON("\(dataPath)/limits", endpoint: "limits")
        if let quota = session.quota, quota != before { return quota }
        guard let daily = body["DailyApiRequests"], let maximum = daily["Max"]?.intValue,
              let remaining = daily["Remaining"]?.intValue
        else { return session.quota }
        return QuotaSnapshot(used: max(0, maximum - remaining), limit: maximum, resetsAt: nil, observedAt: session.now())
    }
}
