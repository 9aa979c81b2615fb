import Foundation

/// How much of one system's daily API quota was used, as last observed.
///
/// Salesforce reports it in the `Sforce-Limit-Info: api-usage=USED/LIMIT` response header (and `/limits`
/// `DailyApiRequests`); Zoho Books has a per-organization daily request limit. One row per system in table `api_quota`.
public struct APIQuotaUsage: Sendable, Hashable, Codable {
    /// The system, as `SyncSystem.rawValue` (`salesforce`, `sap`, `zoho`).
    public var system: String
    /// API requests used in the current daily window (requests).
    public var used: Int
    /// The daily request limit (requests).
    public var dailyLimit: Int
    /// When the figures were observed (UTC).
    public var observedAt: Date

    /// Creates a quota observation.
    public init(system: String, used: Int, dailyLimit: Int, observedAt: Date) {
        self.system = system
        self.used = used
        self.dailyLimit = dailyLimit
        self.observedAt = observedAt
    }
}

extension APIQuotaUsage {
    /// The observations among `quotas` whose figures differ from the stored ones (or are new): only those are
    /// written, so a pass that saw the same figures writes nothing.
    static func changed(_ quotas: [APIQuotaUsage], stored: [APIQuotaUsage]) -> [APIQuotaUsage] {
        let stored = Dictionary(stored.map { ($0.system, $0) }, uniquingKeysWith: { first, _ in first })
        return quotas.filter { quota in
            guard let old = stored[quota.system] else { return true }
            return old.used != quota.used || old.dailyLimit != quota.dailyLimit
        }
    }
}
