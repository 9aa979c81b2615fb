import Foundation
import Logging
import SyncCore
import SyncStore

/// The reconcile engine: observe each stream, plan with the pure planners, apply through the connectors, commit
/// mappings, journal and watermarks.
///
/// One engine serves every command: `sync --once` and `run` (incremental), `reconcile --full`, `backfill`,
/// `plan` / `--dry-run` (planning without applying) and `dead-letters retry` (records). Every pass is safe to
/// re-run: creates are found by their reference when an earlier attempt's outcome is unknown, and planning is
/// idempotent against the stored mappings.
public final class SyncEngine: Sendable {
    let salesforce: any SalesforceGateway
    let sap: any SAPGateway
    let zoho: any ZohoBooksGateway
    let store: any StateStore
    let alerts: AlertDispatcher
    let configuration: EngineConfiguration
    let logger: Logger
    let now: @Sendable () -> Date

    /// Creates an engine.
    /// - Parameters:
    ///   - now: the clock (UTC instants); tests inject one.
    public init(
        salesforce: any SalesforceGateway, sap: any SAPGateway, zoho: any ZohoBooksGateway, store: any StateStore,
        alerts: AlertDispatcher, configuration: EngineConfiguration, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.salesforce = salesforce
        self.sap = sap
        self.zoho = zoho
        self.store = store
        self.alerts = alerts
        self.configuration = configuration
        self.logger = logger
        self.now = now
    }

    /// Runs one pass over the given flows.
    ///
    /// Deal flows (orders, invoices) share one read of the Opportunity stream; then stock, then payments. A system
    /// whose quota is exhausted, whose credentials fail, or that keeps failing is stopped for the rest of the pass;
    /// its records stay behind the watermark and are tried on the next pass.
    /// - Parameters:
    ///   - flows: the flows to run.
    ///   - mode: incremental, full, backfill or records.
    ///   - dryRun: plan only; nothing is written anywhere (not even the journal).
    ///   - store: the state store of this pass (a replica passes `store.fenced(by:)` with its flow leases); nil uses
    ///     the engine's store.
    ///   - progress: told after each committed page (counts so far and the stream position reached).
    /// - Returns: the per-flow report.
    /// - Throws: `SyncError` only for state-store failures (`.stateStore`, and `.leaseLost` from a fenced store, which
    ///   ends the pass with nothing more committed); vendor failures are reported per flow.
    public func runPass(
        flows: Set<SyncFlow>, mode: PassMode = .incremental, dryRun: Bool = false, store: (any StateStore)? = nil,
        progress: (@Sendable (PassProgress) async -> Void)? = nil
    ) async throws -> PassReport {
        let session = ReconcileSession(engine: self, mode: mode, dryRun: dryRun, store: store ?? self.store)
        await session.observe(progress)
        let startedAt = now()
        await session.applyQuotaGuard(flows: flows)
        let dealFlows = flows.filter(\.isDealFlow)
        if !dealFlows.isEmpty { try await session.runDeals(flows: dealFlows) }
        if flows.contains(.stock) { try await session.runStock() }
        if flows.contains(.payments) { try await session.runPayments() }
        await session.reportRecoveredSystems()
        if !dryRun {
            try await QuotaRecorder.record(
                [.salesforce: await salesforce.quota(), .zohoBooks: await zoho.quota()], in: store ?? self.store)
        }
        let reports = await session.reports
        return PassReport(
            flows: SyncFlow.allCases.compactMap { reports[$0] }, startedAt: startedAt, finishedAt: now())
    }
}
