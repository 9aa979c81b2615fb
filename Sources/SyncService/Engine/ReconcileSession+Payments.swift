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
        case .backfill: since = try await backfillStart(flows: [.payments])
        }
        tracker = WatermarkTracker()
        let reopened = mode == .incremental ? [] : try await paymentsWithOpenDeadLetters()
        do {
            try await engine.zoho.forEachCustomerPaymentPage(since: since) { page in
                try await self.handlePaymentPage(page, reopened: reopened)
            }
            breaker.success(.zohoBooks)
        } catch let error as SyncError where error.system != .stateStore {
            await stop(error.system, error, flow: .payments)
        }
        try await finishBackfill(flows: [.payments])
        guard mode.movesWatermarks, !dryRun else { return }
        if let next = tracker.advanced(from: stored?.position) {
            try await store.saveWatermark(Watermark(stream: SyncFlow.payments.stream, position: next.position, lastID: next.lastID, updatedAt: engine.now()))
        }
    }

    /// The journal key that records a payment version as handled.
    static func paymentVersionKey(_ payment: CustomerPaymentSummary) -> String {
        "payments/\(payment.id)@\(Int64((payment.lastModifiedTime.timeIntervalSince1970 * 1000).rounded()))"
    }

    /// Plans and applies one page of customer payments.
    ///
    /// A payment version is recorded as handled only when every write-back it planned went through. A write-back
    /// that failed for a reason that is not the record's (an outage, a stopped system) also keeps the payment behind
    /// the watermark, so the next passes retry it until it lands; one that failed for the record's own reason stays
    /// a dead letter, retried by `dead-letters retry`, the full reconcile or the payment's next change.
    /// - Parameter reopened: payment ids with an open dead letter, read again although their version is handled
    ///   (full reconcile and retries; a store written before this rule may hold such versions).
    func handlePaymentPage(_ page: [CustomerPaymentSummary], reopened: Set<String> = []) async throws {
        var page = page
        if case .backfill(_, let to?) = mode { page = page.filter { $0.lastModifiedTime < to } }
        if case .records(let ids) = mode { page = page.filter { ids.contains($0.id) } }
        count(.payments) { $0.observed += page.count }
        var handled = try await store.journalEntries(page.map(Self.paymentVersionKey)).filter { $0.value.status == .applied }
        if case .records = mode { handled = [:] }
        var pending: Set<String> = []
        var finished: [CustomerPaymentSummary] = []
        var writeKeys: [String: [String]] = [:]
        for summary in page where handled[Self.paymentVersionKey(summary)] == nil || reopened.contains(summary.id) {
            if breaker.isStopped(.zohoBooks) { pending.insert(summary.id); continue }
            do {
                let payment = try await engine.zoho.customerPayment(id: summary.id)
                let deals = try await store.dealMappings(zohoInvoiceIDs: payment.applications.map(\.invoiceId))
                // An invoice whose mapping was recorded late (its create's answer was lost): the payment's "not
                // ours" dead letter for it is resolved now that it is planned as a write-back.
                let nowMapped = payment.applications.filter { deals[$0.invoiceId] != nil }
                    .map { IdempotencyKey.reject(flow: .payments, record: "\(payment.id)/\($0.invoiceId)") }
                if !dryRun, !nowMapped.isEmpty {
                    await reportRecovered(try await store.resolveDeadLetters(nowMapped, now: engine.now()))
                }
                for action in PaymentPlanner().plan(payment, deals: deals) {
                    if action.operation.isSalesforceWrite { writeKeys[summary.id, default: []].append(action.idempotencyKey) }
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
        _ = try await flushWrites()
        var unwritten: Set<String> = []
        for summary in finished {
            let errors = (writeKeys[summary.id] ?? []).compactMap { failedWrites[$0] }
            if !errors.isEmpty { unwritten.insert(summary.id) }
            if errors.contains(where: { $0.isRetryable || SystemBreaker.stopsAtOnce($0) }) { pending.insert(summary.id) }
        }
        for summary in page {
            if pending.contains(summary.id) {
                tracker.pending(at: summary.lastModifiedTime)
            } else {
                tracker.done(at: summary.lastModifiedTime, id: summary.id)
            }
        }
        guard !dryRun else { return }
        let now = engine.now()
        for summary in finished where !pending.contains(summary.id) && !unwritten.contains(summary.id) {
            try await store.recordJournal(JournalEntry(
                idempotencyKey: Self.paymentVersionKey(summary), flow: SyncFlow.payments.rawValue, kind: "observe_payment",
                targetSystem: SyncSystem.zohoBooks.rawValue, recordID: summary.id, status: .applied, attempts: 1,
                createdAt: now, updatedAt: now))
        }
        try await pageCommitted(flows: [.payments], position: page.last?.lastModifiedTime)
    }

    /// The Zoho payment ids of the open payments dead letters (see ``paymentID(of:)``).
    func paymentsWithOpenDeadLetters() async throws -> Set<String> {
        Set(try await store.deadLetters(status: .open).filter { $0.flow == SyncFlow.payments.rawValue }.compactMap(Self.paymentID(of:)))
    }

    /// The Zoho customer payment a payments dead letter is about.
    ///
    /// A failed write-back names the Opportunity as its record and the payment in its idempotency key
    /// (`payments/<payment_id>/<invoice_id>/<version>`); a payment that could not be read names it as its record
    /// (`<payment_id>`), and a payment for an invoice CRMSync did not create as `<payment_id>/<invoice_id>`.
    static func paymentID(of letter: DeadLetter) -> String? {
        if case .writeBackPayment = letter.action.operation {
            let parts = letter.idempotencyKey.split(separator: "/")
            return parts.count == 4 ? String(parts[1]) : nil
        }
        return String(letter.recordID.prefix { $0 != "/" })
    }
}
