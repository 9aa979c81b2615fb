import SalesforceConnector
import SyncCore

/// A gateway that can refresh its API usage with one cheap call, so the quota guard can see a rolling window free
/// up without calling the guarded system's real work.
///
/// Salesforce: `GET /services/data/vXX.X/limits` (`SalesforceClient.refreshQuota()`). Zoho Books needs none: its
/// daily window resets at the time `X-Rate-Limit-Reset` named.
public protocol QuotaProbe: Sendable {
    /// The system's API usage now, read with one call that counts against the allowance.
    /// - Throws: `SyncError` from the system (`.quotaExhausted` when it refuses even this call).
    func refreshQuota() async throws -> QuotaSnapshot?
}

extension SalesforceClient: QuotaProbe {}
