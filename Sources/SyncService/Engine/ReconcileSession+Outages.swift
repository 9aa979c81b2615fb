import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// The journal key that keeps a system's outage open between passes (and processes).
    static func outageKey(_ system: SyncSystem) -> String { "outage/\(system.rawValue)" }

    /// True the first time a system stops with a given code during one outage: the "work stopped" alert is sent
    /// once per outage (per system and `SyncError` code), not on every pass or for every flow.
    ///
    /// The outage is journaled under `outage/<system>` (flow `outages`, status `failed`, the code and message);
    /// it stays open until ``reportRecoveredSystems()`` sees the system answer again. A different code during an
    /// open outage (a timeout turning into rejected credentials) is a new outage and alerts again. Dry runs keep the
    /// journal untouched and only avoid repeats within the pass.
    func isNewOutage(_ system: SyncSystem, _ error: SyncError) async -> Bool {
        guard alertedStops.insert("\(system.rawValue)/\(error.code.rawValue)").inserted else { return false }
        guard !dryRun else { return true }
        return await openOutage(system, error)
    }

    /// Journals an outage of `system` as open; returns false when the same outage (same code) was already open.
    @discardableResult
    func openOutage(_ system: SyncSystem, _ error: SyncError) async -> Bool {
        let key = Self.outageKey(system)
        let existing = (try? await store.journalEntries([key]))?[key]
        if let existing, existing.status == .failed, existing.errorCode == error.code.rawValue { return false }
        let now = engine.now()
        try? await store.recordJournal(JournalEntry(
            idempotencyKey: key, flow: "outages", kind: "system_stopped", targetSystem: system.rawValue, recordID: "-",
            status: .failed, attempts: (existing?.attempts ?? 0) + 1, errorCode: error.code.rawValue,
            errorMessage: error.description, createdAt: existing?.createdAt ?? now, updatedAt: now))
        return true
    }

    /// Closes the open outages of the systems that answered in this pass and were not stopped again, with one
    /// `recovered` alert each ("Recovered: <system> work resumed").
    ///
    /// Only a system that was actually called successfully counts (a completed read or an applied action); a
    /// system this pass did not call keeps its outage open. Reads one journal row per such system; writes only
    /// when an outage closes.
    func reportRecoveredSystems() async {
        guard !dryRun else { return }
        let systems = breaker.answered.filter { !breaker.isStopped($0) }
        guard !systems.isEmpty else { return }
        let keys = systems.map(Self.outageKey)
        guard let entries = try? await store.journalEntries(keys) else { return }
        let now = engine.now()
        for system in systems.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard var entry = entries[Self.outageKey(system)], entry.status == .failed else { continue }
            entry.status = .applied
            entry.updatedAt = now
            try? await store.recordJournal(entry)
            await engine.alerts.enqueue(Alert(
                kind: .recovered, title: "Recovered: \(system.rawValue) work resumed",
                text: "\(system.rawValue) answers again after the outage that stopped its work (\(entry.errorCode ?? "unknown")) since \(ISO8601DateFormatter().string(from: entry.createdAt)). Records held behind the watermark are being caught up.",
                records: []))
        }
    }
}
