import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Stops, for this pass, each system whose last seen API usage reached the guard's share of its allowance.
    ///
    /// Usage comes from the connectors (`Sforce-Limit-Info: api-usage=used/limit`, Zoho `X-Rate-Limit-Limit` and
    /// `-Remaining`), so the guard acts from the second pass of a process on; it lifts by itself when the window
    /// resets and the servers report lower usage. The guard alerts once per system and UTC day.
    func applyQuotaGuard(flows: Set<SyncFlow>) async {
        let share = engine.configuration.quotaGuardShare
        guard share < 1 else { return }
        let quotas: [(SyncSystem, QuotaSnapshot?)] = [
            (.salesforce, await engine.salesforce.quota()), (.zohoBooks, await engine.zoho.quota()),
        ]
        for (system, quota) in quotas {
            guard let quota, quota.limit > 0, quota.usedShare >= share else { continue }
            let error = SyncError(
                code: .quotaExhausted, system: system,
                message: "Quota guard: \(quota.used) of \(quota.limit) API calls used today (\(Int(quota.usedShare * 100)) %, guard at \(Int(share * 100)) %); \(system.rawValue) work resumes when the window resets\(quota.resetsAt.map { " (\(ISO8601DateFormatter().string(from: $0)))" } ?? "").")
            breaker.stop(system, error)
            for flow in flows where Self.systems(of: flow).contains(system) { count(flow) { $0.stoppedBy = error } }
            await alertQuotaGuardOnce(system, error)
        }
    }

    /// True when a system the flows call is stopped before the pass began (the quota guard): they read nothing.
    func isGuarded(_ flows: Set<SyncFlow>) -> Bool {
        flows.contains { flow in Self.systems(of: flow).contains { breaker.isStopped($0) } }
    }

    /// The systems a flow calls.
    static func systems(of flow: SyncFlow) -> Set<SyncSystem> {
        switch flow {
        case .orders: [.salesforce, .sap]
        case .invoices: [.salesforce, .zohoBooks]
        case .stock: [.salesforce, .sap]
        case .payments: [.salesforce, .zohoBooks]
        }
    }

    private func alertQuotaGuardOnce(_ system: SyncSystem, _ error: SyncError) async {
        let now = engine.now()
        let key = "quota-guard/\(system.rawValue)/\(CalendarDate(utc: now))"
        guard !dryRun, (try? await store.journalEntries([key]))?[key] == nil else { return }
        try? await store.recordJournal(JournalEntry(
            idempotencyKey: key, flow: "quota-guard", kind: "quota_guard", targetSystem: system.rawValue, recordID: "-",
            status: .skipped, attempts: 1, errorCode: error.code.rawValue, errorMessage: error.description,
            createdAt: now, updatedAt: now))
        await engine.alerts.enqueue(Alert(kind: .quotaGuard, title: "Quota guard: \(system.rawValue) work stopped", text: error.description, records: []))
    }
}
