import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Runs the deal flows over one read of the Opportunity stream.
    ///
    /// Incremental passes read from the older of the flows' watermarks minus the overlap, ordered by (timestamp,
    /// Id); each flow's watermark then moves only as far as every record below it is done.
    func runDeals(flows: Set<SyncFlow>) async throws {
        for flow in flows { count(flow) { _ in } }
        guard !isGuarded(flows) else { return }
        let planner = DealPlanner(settings: settings, flows: flows)
        let field = engine.configuration.modstampField
        var query = OpportunityQuery(field: field, onlyWon: true)
        var stored: [SyncFlow: Watermark] = [:]
        for flow in flows { stored[flow] = try await store.watermark(for: flow.stream) }

        switch mode {
        case .incremental:
            let positions = flows.map { stored[$0]?.position }
            if !positions.contains(where: { $0 == nil }), let oldest = positions.compactMap({ $0 }).min() {
                query.from = oldest.addingTimeInterval(-engine.configuration.overlapSeconds)
            }
        case .full:
            break
        case .backfill(let from, let to):
            query.from = from
            query.to = to
        case .records(let ids):
            query.ids = ids
        }

        tracker = WatermarkTracker()
        do {
            try await engine.salesforce.forEachOpportunityPage(query) { page in
                try await self.handleDealPage(page, planner: planner)
            }
        } catch let error as SyncError where error.system != .stateStore {
            for flow in flows { await stop(.salesforce, error, flow: flow) }
        }
        guard mode.movesWatermarks, !dryRun else { return }
        for flow in flows {
            if let next = tracker.advanced(from: stored[flow]?.position) {
                try await store.saveWatermark(Watermark(stream: flow.stream, position: next.position, lastID: next.lastID, updatedAt: engine.now()))
            }
        }
    }

    /// True when an action already failed for a fault of this very version of the record (a validation error
    /// written after the record's last change): it is not tried again on every poll. A change to the record, and
    /// `dead-letters retry`, try it again; failures that were not the record's fault (outage, rate limit, malformed
    /// response) are tried again by the next full reconcile.
    func isSettledFailure(_ entry: JournalEntry?, since recordChanged: Date) -> Bool {
        guard let entry, entry.status == .dead, let code = entry.errorCode else { return false }
        if case .records = mode { return false }
        guard SyncError.Code(rawValue: code).isRecordFault || mode == .incremental else { return false }
        return entry.updatedAt >= recordChanged
    }

    /// True when the Opportunity does not yet show the numbers and status of its mapping.
    func writeBackNeeded(_ opportunity: Opportunity) -> Bool {
        !(deals[opportunity.id] ?? DealMapping(opportunityID: opportunity.id)).isShown(on: opportunity.syncFields)
    }

    /// Plans and applies one page of Opportunities and reports each record to the watermark tracker.
    func handleDealPage(_ page: [Opportunity], planner: DealPlanner) async throws {
        for flow in planner.flows { count(flow) { $0.observed += page.count } }
        try await loadMappings(accountIDs: page.compactMap { $0.account?.id }, opportunityIDs: page.map(\.id))
        var pending: Set<String> = []
        var noLongerRejected: [String] = []
        // Plan once to know which journal entries to read (one read per page), then plan each record again just
        // before applying it, so a Business Partner or contact made for one deal serves the next deal of its Account.
        let keys = page.flatMap { opportunity in
            planner.plan(opportunity, account: opportunity.account.flatMap { accounts[$0.id] }, deal: deals[opportunity.id])
                .map(\.idempotencyKey)
        }
        let journal = try await store.journalEntries(keys)
        for opportunity in page {
            let actions = planner.plan(opportunity, account: opportunity.account.flatMap { accounts[$0.id] }, deal: deals[opportunity.id])
            for flow in planner.flows where !actions.contains(where: { $0.flow == flow && $0.idempotencyKey.contains("/reject/") }) {
                noLongerRejected.append(IdempotencyKey.reject(flow: flow, record: opportunity.id))
            }
            var brokenFlows: Set<SyncFlow> = []
            for action in actions {
                if isSettledFailure(journal[action.idempotencyKey], since: opportunity.lastModifiedDate) {
                    brokenFlows.insert(action.flow)
                    continue
                }
                if case .writeBackDeal = action.operation {
                    // Never write a status from a pass in which a system was unreachable for this deal: the mapping
                    // may simply be unknown (a new state store), and the Opportunity may already be right.
                    if pending.contains(opportunity.id) || !writeBackNeeded(opportunity) { continue }
                } else if brokenFlows.contains(action.flow) {
                    continue  // a later step of a flow whose earlier step failed in this pass
                }
                switch try await apply(action) {
                case .pending: pending.insert(opportunity.id); brokenFlows.insert(action.flow)
                case .failed: brokenFlows.insert(action.flow)
                case .done: break
                }
            }
        }
        pending.formUnion(try await flushWrites())
        if !dryRun { await reportRecovered(try await store.resolveDeadLetters(noLongerRejected, now: engine.now())) }
        let field = engine.configuration.modstampField
        for opportunity in page {
            let stamp = field == .systemModstamp ? opportunity.systemModstamp : opportunity.lastModifiedDate
            if pending.contains(opportunity.id) { tracker.pending(at: stamp) } else { tracker.done(at: stamp, id: opportunity.id) }
        }
    }
}
