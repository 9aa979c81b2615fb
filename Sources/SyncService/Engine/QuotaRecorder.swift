import Foundation
import SyncCore
import SyncStore

/// Persists the API quota usage the connectors observed, for `status`, `/status` and `/metrics`.
///
/// Sources: Salesforce `Sforce-Limit-Info: api-usage=used/limit` (daily allowance, rolling 24 h) and Zoho Books
/// `X-Rate-Limit-Limit` / `X-Rate-Limit-Remaining` (the organization's daily request limit). Every call moves the
/// usage, so an observation is stored only when it differs materially from the stored one: the limit changed, or the
/// used share moved by at least one percentage point either way (up with calls; down as Salesforce's rolling 24 hours
/// let old calls go or a Zoho day starts; responses observed out of order move it a little either way). An idle pass
/// (a handful of calls against an allowance of thousands) therefore writes nothing, and the stored figure is never
/// more than one point of the allowance off.
enum QuotaRecorder {
    /// The share of the allowance by which usage must move before it is stored again (one percentage point).
    static let minimumShareChange = 0.01

    /// Stores the observations that changed materially.
    /// - Parameter observed: per system, the connector's last snapshot (`nil` before its first response).
    /// - Throws: `SyncError` `.stateStore` (or `.leaseLost` from a fenced store).
    static func record(_ observed: [SyncSystem: QuotaSnapshot?], in store: any StateStore) async throws {
        let candidates = observed.compactMap { system, snapshot in
            snapshot.map { APIQuotaUsage(system: system.rawValue, used: $0.used, dailyLimit: $0.limit, observedAt: $0.observedAt) }
        }
        guard !candidates.isEmpty else { return }
        let stored = Dictionary(try await store.quotas().map { ($0.system, $0) }, uniquingKeysWith: { first, _ in first })
        let changed = candidates.filter { isMaterialChange(from: stored[$0.system], to: $0) }
        guard !changed.isEmpty else { return }
        try await store.saveQuotas(changed.sorted { $0.system < $1.system })
    }

    /// Whether `new` should replace `old` (see the type's summary).
    static func isMaterialChange(from old: APIQuotaUsage?, to new: APIQuotaUsage) -> Bool {
        guard let old else { return true }
        if old.dailyLimit != new.dailyLimit { return true }
        guard new.dailyLimit > 0 else { return old.used != new.used }
        return Double(abs(new.used - old.used)) / Double(new.dailyLimit) >= minimumShareChange
    }
}
