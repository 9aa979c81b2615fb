import Foundation
import Logging
import SyncCore
import SyncStore

/// The state of one engine pass: mapping caches, the system breaker, queued Salesforce writes and the reports.
///
/// The deals of a page are applied in lanes, one lane per Account, `dealConcurrency` lanes at a time: within a lane
/// one record at a time in plan order, so a Business Partner or contact created for one deal is in the cache when
/// the next deal of the same Account is planned. Salesforce writes are queued and sent in sObject Collections
/// batches when a page is done.
actor ReconcileSession {
    /// What became of an action in this pass. `failed` (kept as a dead letter) counts as done for the watermark;
    /// `pending` (the system is stopped) keeps the record behind it.
    enum Outcome { case done, failed, pending }

    let engine: SyncEngine
    let mode: PassMode
    let dryRun: Bool
    /// The state store of this pass (fenced by the flow leases on a replica).
    let store: any StateStore
    /// Started and applied marks of the deals in flight, committed together.
    let journalCommits: JournalGroupCommit
    var reports: [SyncFlow: FlowReport] = [:]
    var accounts: [String: AccountMapping] = [:]
    var deals: [String: DealMapping] = [:]
    var breaker: SystemBreaker
    var queuedWrites: [QueuedWrite] = []
    /// The watermark tracker of the stream being read.
    var tracker = WatermarkTracker()
    /// Material -> journal key of the product master version read in this pass (stock flow).
    var productVersions: [String: String] = [:]
    /// Told after each committed page (backfill progress).
    var progress: (@Sendable (PassProgress) async -> Void)?
    /// Salesforce writes of this pass that did not go through, by idempotency key, with their error.
    var failedWrites: [String: SyncError] = [:]
    /// Outages already alerted in this pass, as `system/code`.
    var alertedStops: Set<String> = []
    /// Set once a deal was found written back but unknown to the state store (see `adoptWrittenBackDeals`): from
    /// then on every create of the pass first looks its target up by reference.
    var lookupByReference = false

    init(engine: SyncEngine, mode: PassMode, dryRun: Bool, store: any StateStore) {
        self.engine = engine
        self.store = store
        self.journalCommits = JournalGroupCommit(store: store, now: engine.now)
        self.mode = mode
        self.dryRun = dryRun
        self.breaker = SystemBreaker(threshold: engine.configuration.circuitBreakerThreshold)
    }

    var logger: Logger { engine.logger }
    var settings: SyncSettings { engine.configuration.settings }

    func count(_ flow: SyncFlow, _ update: (inout FlowReport) -> Void) {
        var report = reports[flow] ?? FlowReport(flow: flow)
        update(&report)
        reports[flow] = report
    }

    /// Loads the mappings of a page's records into the caches.
    func loadMappings(accountIDs: [String], opportunityIDs: [String]) async throws {
        let missingAccounts = Array(Set(accountIDs.filter { accounts[$0] == nil }))
        for (id, mapping) in try await store.accountMappings(missingAccounts) { accounts[id] = mapping }
        let missingDeals = Array(Set(opportunityIDs.filter { deals[$0] == nil }))
        for (id, mapping) in try await store.dealMappings(missingDeals) { deals[id] = mapping }
    }

    /// Applies one action (or queues it, for Salesforce writes).
    func apply(_ action: ReconcileAction) async throws -> Outcome {
        if case .rejectRecord(let error) = action.operation, try await alreadyDeadLettered(action, error) {
            return .done
        }
        count(action.flow) { $0.planned += 1 }
        if dryRun {
            count(action.flow) { $0.plannedActions.append(action) }
            return .done
        }
        if case .rejectRecord(let error) = action.operation {
            try await deadLetter(action, error)
            return .done
        }
        let system = action.operation.targetSystem
        if let reason = breaker.stopped[system] {
            _ = try await store.recordFailure(action, error: reason, status: .failed, now: engine.now())
            count(action.flow) {
                $0.failed += 1
                if $0.stoppedBy == nil { $0.stoppedBy = reason }
            }
            return .pending
        }
        if action.operation.isSalesforceWrite {
            queuedWrites.append(QueuedWrite(action: action))
            return .done
        }
        if action.operation.isOncePerKey,
           try await store.journalEntries([action.idempotencyKey])[action.idempotencyKey]?.status == .applied {
            // Done before (another deal of the same Account, or an earlier pass whose mapping write was lost).
            return .done
        }
        let before = try await journalCommits.started([action])[action.idempotencyKey]
        let lookupFirst = before != nil || lookupByReference
        do {
            guard let applied = try await perform(action, lookupFirst: lookupFirst) else {
                _ = try await store.recordFailure(action, error: dependencyError(action), status: .skipped, now: engine.now())
                return .done
            }
            try await recordApplied([applied])
            breaker.success(system)
            return .done
        } catch let error as SyncError {
            return try await handleFailure(action, error)
        }
    }

    /// Journals applied actions, updates the caches and reports recoveries.
    func recordApplied(_ results: [AppliedAction]) async throws {
        guard !results.isEmpty else { return }
        let recovered = try await journalCommits.applied(results)
        for result in results {
            if let account = result.account { accounts[account.accountID] = account }
            if let deal = result.deal { deals[deal.opportunityID] = deal }
            count(result.action.flow) { $0.applied += 1 }
        }
        await reportRecovered(recovered)
    }

    /// Alerts once for each dead letter whose record went through.
    func reportRecovered(_ recovered: [DeadLetter]) async {
        for letter in recovered {
            await engine.alerts.enqueue(Alert(
                kind: .recovered, title: "Recovered: \(letter.action.operation.kind.replacingOccurrences(of: "_", with: " "))",
                text: "The record that failed with \(letter.error.code.rawValue) has now gone through.",
                records: await alertRecords(for: letter.action)))
        }
    }

    /// Handles a failed action: stops the system, or keeps the record as a dead letter.
    func handleFailure(_ action: ReconcileAction, _ error: SyncError) async throws -> Outcome {
        // A lost flow lease, or a pass cancelled because its lease lapsed, is not the record's failure: the journal
        // keeps the action as started and the next leader finds what was done.
        if error.code == .leaseLost || Task.isCancelled { throw error }
        let system = action.operation.targetSystem
        logger.warning("action failed", metadata: [
            "sync.flow": "\(action.flow.rawValue)", "sync.action": "\(action.operation.kind)",
            "sync.record.id": "\(action.recordID)", "sync.error.code": "\(error.code.rawValue)",
        ])
        if SystemBreaker.stopsAtOnce(error) {
            _ = try await store.recordFailure(action, error: error, status: .failed, now: engine.now())
            count(action.flow) { $0.failed += 1 }
            breaker.stop(system, error)
            await stop(system, error, flow: action.flow)
            return .pending
        }
        if breaker.failure(system, error) { await stop(system, error, flow: action.flow) }
        try await deadLetter(action, error.about(record: error.recordID ?? action.recordID))
        return .failed
    }

    /// True when the same bad input is already kept as an open dead letter: nothing is written again, so a pass
    /// over unchanged bad records writes nothing.
    func alreadyDeadLettered(_ action: ReconcileAction, _ error: SyncError) async throws -> Bool {
        guard let entry = try await store.journalEntries([action.idempotencyKey])[action.idempotencyKey] else { return false }
        return entry.status == .dead && entry.errorMessage == error.description
    }

    /// Keeps the action as a dead letter and alerts once.
    func deadLetter(_ action: ReconcileAction, _ error: SyncError) async throws {
        let alert = try await store.recordFailure(action, error: error, status: .dead, now: engine.now())
        count(action.flow) { $0.dead += 1 }
        guard alert else { return }
        await engine.alerts.enqueue(Alert(
            kind: .persistentFailure, title: "\(action.flow.rawValue): \(action.operation.kind.replacingOccurrences(of: "_", with: " ")) failed",
            text: error.description, records: await alertRecords(for: action)))
        try await store.markAlerted(deadLetterKey: action.idempotencyKey)
    }

    /// Marks a flow as stopped by a system failure and alerts once per outage (see `isNewOutage`).
    func stop(_ system: SyncSystem, _ error: SyncError, flow: SyncFlow) async {
        count(flow) { if $0.stoppedBy == nil { $0.stoppedBy = error } }
        logger.error("system stopped for this pass", metadata: [
            "sync.system": "\(system.rawValue)", "sync.error.code": "\(error.code.rawValue)",
        ])
        guard await isNewOutage(system, error) else { return }
        let isQuota = error.code == .quotaExhausted
        await engine.alerts.enqueue(Alert(
            kind: isQuota ? .quotaGuard : .persistentFailure,
            title: isQuota ? "Quota guard: \(system.rawValue) work stopped" : "\(system.rawValue) work stopped",
            text: error.description + " Records stay behind the watermark and are tried on the next pass.",
            records: []))
    }

    /// The record an alert names: a Salesforce record (Opportunity, Product2) with its `{instance_url}/{Id}` link
    /// once the instance URL is known, or a Zoho customer payment (a payment that could not be read).
    func alertRecords(for action: ReconcileAction) async -> [AlertRecord] {
        let base = await engine.salesforce.instanceURL()
        // Payment write-backs name the Opportunity; only the payment flow's own failures name a Zoho payment.
        let system: SyncSystem = action.flow == .payments && !action.operation.isSalesforceWrite ? .zohoBooks : .salesforce
        let url = system == .salesforce ? base.map { "\($0)/\(action.recordID)" } : nil
        return [AlertRecord(system: system, id: action.recordID, url: url)]
    }

    func dependencyError(_ action: ReconcileAction) -> SyncError {
        SyncError(
            code: .invalidInput, system: action.operation.targetSystem,
            message: "Skipped: the Business Partner or contact this step needs is missing; see the dead letter of the same Opportunity.",
            recordID: action.recordID)
    }
}
