import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Runs the deal flows over one read of the Opportunity stream.
    ///
    /// Incremental passes read from the older of the flows' watermarks minus the overlap, ordered by (timestamp,
    /// Id); each flow's watermark then moves only as far as every record below it is done.
    /// A flow whose system the quota guard holds back is left out (a Zoho guard stops `invoices`, not `orders`).
    func runDeals(flows requested: Set<SyncFlow>) async throws {
        for flow in requested { count(flow) { _ in } }
        let flows = requested.filter { !isGuarded([$0]) }
        guard !flows.isEmpty else { return }
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
        case .backfill(_, let to):
            query.from = try await backfillStart(flows: flows)
            query.to = to
        case .records(let ids):
            query.ids = ids
        }

        tracker = WatermarkTracker()
        do {
            // A backfill commits (and saves its cursor) every Salesforce write batch, so an interrupted window
            // resumes within a couple of hundred deals; the write calls stay the same.
            let commitEvery = backfillWindow == nil ? Int.max : engine.configuration.writeBatchSize
            try await engine.salesforce.forEachOpportunityPage(query) { page in
                for chunk in page.chunked(min(commitEvery, max(page.count, 1))) {
                    try await self.handleDealPage(chunk, planner: planner)
                }
            }
            breaker.success(.salesforce)
        } catch let error as SyncError where error.system != .stateStore {
            for flow in flows { await stop(.salesforce, error, flow: flow) }
        }
        try await finishBackfill(flows: flows)
        guard mode.movesWatermarks, !dryRun else { return }
        for flow in flows {
            if let next = tracker.advanced(from: stored[flow]?.position) {
                try await store.saveWatermark(Watermark(stream: flow.stream, position: next.position, lastID: next.lastID, updatedAt: engine.now()))
            }
        }
    }

    /// True when an action already failed for a fault of this very version of the record: its open dead letter
    /// holds an equal action, stamped with the same `LastModifiedDate` (no clock is compared, so skew between
    /// Salesforce's clock and ours cannot hide a fix). It is not tried again on every poll. A change to the record,
    /// and `dead-letters retry`, try it again; failures that were not the record's fault (outage, rate limit,
    /// malformed response) are tried again by the next full reconcile.
    func isSettledFailure(_ entry: JournalEntry?, action: ReconcileAction, openDeadLetters: [String: DeadLetter]) -> Bool {
        isDeadLetterCandidate(entry) && openDeadLetters[action.idempotencyKey]?.action == action
    }

    /// True for a journal entry whose failure may settle the action in this pass: dead, of a record fault (or of any
    /// fault in an incremental pass); never when retrying given records.
    func isDeadLetterCandidate(_ entry: JournalEntry?) -> Bool {
        guard let entry, entry.status == .dead, let code = entry.errorCode else { return false }
        if case .records = mode { return false }
        return SyncError.Code(rawValue: code).isRecordFault || mode == .incremental
    }

    /// True when the Opportunity does not yet show the numbers and status of its mapping.
    func writeBackNeeded(_ opportunity: Opportunity) -> Bool {
        !(deals[opportunity.id] ?? DealMapping(opportunityID: opportunity.id)).isShown(on: opportunity.syncFields)
    }

    /// Plans and applies one page of Opportunities and reports each record to the watermark tracker.
    func handleDealPage(_ page: [Opportunity], planner: DealPlanner) async throws {
        for flow in planner.flows { count(flow) { $0.observed += page.count } }
        try await loadMappings(accountIDs: page.compactMap { $0.account?.id }, opportunityIDs: page.map(\.id))
        let held = try await adoptWrittenBackDeals(page, planner: planner)
        // Plan once to know which journal entries to read (one read per page), then plan each record again just
        // before applying it, so a Business Partner or contact made for one deal serves the next deal of its Account.
        let firstPlans = page.map { opportunity in
            planner.plan(opportunity, account: opportunity.account.flatMap { accounts[$0.id] }, deal: deals[opportunity.id])
        }
        let keys = firstPlans.flatMap { $0.map(\.idempotencyKey) }
        let journal = try await store.journalEntries(keys)
        let failed = keys.filter { isDeadLetterCandidate(journal[$0]) }
        let context = DealPageContext(
            planner: planner, journal: journal, openDeadLetters: try await store.openDeadLetters(failed))
        var outcome = try await applyLanes(DealLanes.byAccount(page.filter { !held.contains($0.id) }), context: context)
        outcome.pending.formUnion(held)
        outcome.pending.formUnion(try await flushWrites())
        if !dryRun { await reportRecovered(try await store.resolveDeadLetters(outcome.noLongerRejected, now: engine.now())) }
        let field = engine.configuration.modstampField
        for opportunity in page {
            let stamp = field == .systemModstamp ? opportunity.systemModstamp : opportunity.lastModifiedDate
            if outcome.pending.contains(opportunity.id) { tracker.pending(at: stamp) } else { tracker.done(at: stamp, id: opportunity.id) }
        }
        let last = page.last.map { field == .systemModstamp ? $0.systemModstamp : $0.lastModifiedDate }
        try await pageCommitted(flows: planner.flows, position: last)
    }

    /// Applies the lanes of a page, `dealConcurrency` at a time, and merges what they leave.
    /// - Throws: the first lane's state-store `SyncError` (the other lanes are then cancelled).
    func applyLanes(_ lanes: [[Opportunity]], context: DealPageContext) async throws -> DealLaneOutcome {
        let outcomes = try await forEachConcurrently(lanes, limit: engine.configuration.dealConcurrency) { lane in
            try await self.handleDealLane(lane, context: context)
        }
        return outcomes.reduce(into: DealLaneOutcome()) { $0.merge($1) }
    }

    /// Applies the deals of one lane (one Account's deals of the page) one after the other.
    func handleDealLane(_ lane: [Opportunity], context: DealPageContext) async throws -> DealLaneOutcome {
        var outcome = DealLaneOutcome()
        for opportunity in lane {
            try await handleDeal(opportunity, context: context, outcome: &outcome)
        }
        return outcome
    }

    /// Plans one deal against the current mappings and applies its actions in order; a later step of a flow whose
    /// earlier step failed is left out, and a deal a stopped system could not serve is marked pending.
    private func handleDeal(_ opportunity: Opportunity, context: DealPageContext, outcome: inout DealLaneOutcome) async throws {
        let planner = context.planner
        let actions = planner.plan(opportunity, account: opportunity.account.flatMap { accounts[$0.id] }, deal: deals[opportunity.id])
            .map { $0.versioned(opportunity.lastModifiedDate) }
        for flow in planner.flows where !actions.contains(where: { $0.flow == flow && $0.idempotencyKey.contains("/reject/") }) {
            outcome.noLongerRejected.append(IdempotencyKey.reject(flow: flow, record: opportunity.id))
        }
        var brokenFlows: Set<SyncFlow> = []
        for action in actions {
            if isSettledFailure(context.journal[action.idempotencyKey], action: action, openDeadLetters: context.openDeadLetters) {
                brokenFlows.insert(action.flow)
                continue
            }
            if case .writeBackDeal = action.operation {
                // Never write a status from a pass in which a system was unreachable for this deal: the mapping
                // may simply be unknown (a new state store), and the Opportunity may already be right.
                if outcome.pending.contains(opportunity.id) || !writeBackNeeded(opportunity) { continue }
            } else if brokenFlows.contains(action.flow) {
                continue  // a later step of a flow whose earlier step failed in this pass
            }
            switch try await apply(action) {
            case .pending: outcome.pending.insert(opportunity.id); brokenFlows.insert(action.flow)
            case .failed: brokenFlows.insert(action.flow)
            case .done: break
            }
        }
    }
}
