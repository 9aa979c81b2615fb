import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Stops, for this pass, each system whose API usage reached the guard's share of its allowance.
    ///
    /// The usage is the newest of what the connectors saw in this process (`Sforce-Limit-Info: api-usage=used/limit`,
    /// Zoho `X-Rate-Limit-Limit` / `-Remaining` / `-Reset`) and what the state store kept from earlier passes
    /// (`StateStore.quotas()`), so a one-pass command (`sync --once`) is guarded too. The guard lifts by itself:
    /// Zoho Books when its daily window reset (`X-Rate-Limit-Reset`; for a stored figure, which carries no reset
    /// time, 24 hours after it was observed); Salesforce, whose window rolls over 24 hours, when one cheap probe
    /// (`GET /limits`, at most every `quotaProbeIntervalSeconds`) shows usage below the guard again. The guard
    /// alerts once per system and UTC day, and opens the system's outage so its recovery is reported once.
    func applyQuotaGuard(flows: Set<SyncFlow>) async {
        let share = engine.configuration.quotaGuardShare
        guard share < 1 else { return }
        let stored = (try? await store.quotas()) ?? []
        let now = engine.now()
        for system in [SyncSystem.salesforce, .zohoBooks] {
            guard var quota = await latestQuota(system, stored: stored), quota.limit > 0, quota.usedShare >= share else { continue }
            if system == .zohoBooks, now >= quota.resetsAt ?? quota.observedAt.addingTimeInterval(86_400) { continue }
            if system == .salesforce, now.timeIntervalSince(quota.observedAt) >= engine.configuration.quotaProbeIntervalSeconds,
               let probe = engine.salesforce as? any QuotaProbe {
                _ = try? await probe.refreshQuota()
                if let live = await engine.salesforce.quota(), live.observedAt > quota.observedAt { quota = live }
                guard quota.usedShare >= share else { continue }
            }
            let error = SyncError(
                code: .quotaExhausted, system: system,
                message: "Quota guard: \(quota.used) of \(quota.limit) API calls used today (\(Int(quota.usedShare * 100)) %, guard at \(Int(share * 100)) %); \(system.rawValue) work resumes when the window resets\(quota.resetsAt.map { " (\(ISO8601DateFormatter().string(from: $0)))" } ?? "").")
            breaker.stop(system, error)
            for flow in flows where Self.systems(of: flow).contains(system) { count(flow) { $0.stoppedBy = error } }
            alertedStops.insert("\(system.rawValue)/\(error.code.rawValue)")
            if !dryRun { await openOutage(system, error) }
            await alertQuotaGuardOnce(system, error)
        }
    }

    /// The newest usage known for a system: the connector's last response headers or the state store's figure.
    func latestQuota(_ system: SyncSystem, stored: [APIQuotaUsage]) async -> QuotaSnapshot? {
        let live = system == .salesforce ? await engine.salesforce.quota() : await engine.zoho.quota()
        let saved = stored.first { $0.system == system.rawValue }.map {
            QuotaSnapshot(used: $0.used, limit: $0.dailyLimit, resetsAt: nil, observedAt: $0.observedAt)
        }
        guard let saved else { return live }
        guard let live else { return saved }
        return live.observedAt >= saved.observedAt ? live : saved
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
