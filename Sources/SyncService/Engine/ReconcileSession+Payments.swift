import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// Runs the payments flow.
    ///
    /// Customer payments modified since the watermark (minus the overlap) are listed page by page; a payment whose
    /// version (id + last modified time) was already handled is skipped without a call; every other one is read
    /// with its invoice applications (one call each), planned, and written back in batches.
    func runPayments() async throws {
        count(.payments) { _ in }
        guard !isGuarded([.payments]) else { return }
        let stored = try await store.watermark(for: SyncFlow.payments.stream)
        var since: Date?
        switch mode {
        case .incremental: since = stored.map { $0.position.addingTimeInterval(-engine.configuration.overlapSeconds) }
        case .full, .records: since = nil
        case .backfill(let from, _): since = from
        }
        tracker = WatermarkTracker()
        do {
            try await engine.zoho.forEachCustomerPaymentPage(since: since) { page in
                try await self.handlePaymentPage(page)
            }
        } catch let error as SyncError where error.system != .stateStore {
            await stop(error.system, error, flow: .payments)
        }
        guard mode.movesWatermarks, !dryRun else { return }
        if let next = tracker.advanced(from: stored?.position) {
            try await store.saveWatermark(Watermark(stream: SyncFlow.payments.stream, position: next.position, lastID: next.lastID, updatedAt: engine.now()))
        }
    }

    /// The journal key that records a payment version as handled.
    static func paymentVersionKey(_ payment: CustomerPaymentSummary) -> String {
        "payments/\(payment.id)@\(Int64((payment.lastModifiedTime.timeIntervalSince1970 * 1000).rounded()))"
    }

    func handlePaymentPage(_ page: [CustomerPaymentSummary]) async throws {
        var page = page
        if case .backfill(_, let to?) = mode { page = page.filter { $0.lastModifiedTime < to } }
        if case .records(let ids) = mode { page = page.filter { ids.contains($0.id) } }
        count(.payments) { $0.observed += page.count }
        let handled = try await store.journalEntries(page.map(Self.paymentVersionKey)).filter { $0.value.status == .applied }
        var pending: Set<String> = []
        var finished: [CustomerPaymentSummary] = []
        for summary in page where handled[Self.paymentVersionKey(summary)] == nil {
            if breaker.isStopped(.zohoBooks) { pending.insert(summary.id); continue }
            do {
                let payment = try await engine.zoho.customerPayment(id: summary.id)
                let deals = try await store.dealMappings(zohoInvoiceIDs: payment.applications.map(\.invoiceId))
                for action in PaymentPlanner().plan(payment, deals: deals) {
                    if try await apply(action) == .pending { pending.insert(summary.id) }
                }
                finished.append(summary)
            } catch let error as SyncError where error.system != .stateStore {
                let probe = ReconcileAction(
                    idempotencyKey: Self.paymentVersionKey(summary), flow: .payments, recordID: summary.id,
                    operation: .rejectRecord(error))
                if try await handleFailure(probe, error) == .pending { pending.insert(summary.id) }
            }
        }
        let unwritten = try await flushWrites()
        let opportunityPending = !unwritten.isEmpty
        for summary in page {
            if pending.contains(summary.id) || (opportunityPending && finished.contains(summary)) {
                tracker.pending(at: summary.lastModifiedTime)
            } else {
                tracker.done(at: summary.lastModifiedTime, id: summary.id)
            }
        }
        guard !dryRun else { return }
        let now = engine.now()
        for summary in finished where !pending.contains(summary.id) && !opportunityPending {
            try await store.recordJournal(JournalEntry(
                idempotencyKey: Self.paymentVersionKey(summary), flow: SyncFlow.payments.rawValue, kind: "observe_payment",
                targetSystem: SyncSystem.zohoBooks.rawValue, recordID: summary.id, status: .applied, attempts: 1,
                createdAt: now, updatedAt: now))
        }
    }
}
