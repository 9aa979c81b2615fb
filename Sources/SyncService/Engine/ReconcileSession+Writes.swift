import Foundation
import SyncCore
import SyncStore

/// A Salesforce write waiting for its batch.
struct QueuedWrite: Sendable {
    let action: ReconcileAction
}

extension ReconcileSession {
    /// Sends the queued Salesforce writes through sObject Collections, `writeBatchSize` records per call, and
    /// journals each record's result.
    ///
    /// Several writes to one record in a batch (two payments of one invoice) are merged into one, the later
    /// values winning, since a collection may not name a record twice. Opportunity calls go one after the other:
    /// updating an Opportunity locks its parent Account, and parallel calls on deals of one Account fail with
    /// `UNABLE_TO_LOCK_ROW`. Product2 records lock no parent, so up to `concurrentProductWriteCalls` of their calls
    /// run at once.
    /// - Returns: the source record ids whose writes were not carried out for reasons that are not the record's
    ///   (they stay behind the watermark).
    func flushWrites() async throws -> Set<String> {
        guard !queuedWrites.isEmpty else { return [] }
        let writes = queuedWrites
        queuedWrites.removeAll()
        var pending: Set<String> = []

        let opportunityWrites = writes.filter { if case .updateProductStock = $0.action.operation { false } else { true } }
        let productWrites = writes.filter { if case .updateProductStock = $0.action.operation { true } else { false } }

        for chunk in merged(opportunityWrites).chunked(engine.configuration.writeBatchSize) {
            let payloads = chunk.map { writeBack(for: $0) }
            pending.formUnion(try await send(chunk.map(\.actions)) {
                try await self.engine.salesforce.updateOpportunities(payloads)
            })
        }
        let productChunks = productWrites.chunked(engine.configuration.writeBatchSize).map { $0.map(\.action) }
        let productPending = try await forEachConcurrently(productChunks, limit: Self.concurrentProductWriteCalls) { chunk in
            try await self.sendProductStock(chunk)
        }
        return productPending.reduce(into: pending) { $0.formUnion($1) }
    }

    /// Product2 stock calls in flight at once: the Salesforce HTTP client's own limit of requests in flight.
    static let concurrentProductWriteCalls = 4

    /// Sends one batch of Product2 stock updates.
    private func sendProductStock(_ actions: [ReconcileAction]) async throws -> Set<String> {
        let updates = actions.compactMap { action -> Product2StockUpdate? in
            if case .updateProductStock(let update, _, _) = action.operation { return update }
            return nil
        }
        return try await send(actions.map { [$0] }) { try await self.engine.salesforce.updateProduct2Stock(updates) }
    }

    /// Journals a batch as started, sends it, and records each record's result.
    private func send(
        _ groups: [[ReconcileAction]], _ call: @Sendable () async throws -> [RecordWriteResult]
    ) async throws -> Set<String> {
        let all = groups.flatMap { $0 }
        _ = try await store.markStarted(all, now: engine.now())
        if breaker.isStopped(.salesforce) {
            for action in all { _ = try await handleStopped(action) }
            return Set(all.map(\.recordID))
        }
        let results: [RecordWriteResult]
        do {
            results = try await call()
            breaker.success(.salesforce)
        } catch let error as SyncError {
            var pending: Set<String> = []
            for action in all {
                failedWrites[action.idempotencyKey] = error
                if try await handleFailure(action, error) == .pending { pending.insert(action.recordID) }
            }
            return pending
        }
        var applied: [AppliedAction] = []
        var pending: Set<String> = []
        for (group, result) in zip(groups, results) {
            if let error = result.error {
                for action in group {
                    failedWrites[action.idempotencyKey] = error
                    if try await handleFailure(action, error.about(record: action.recordID)) == .pending {
                        pending.insert(action.recordID)
                    }
                }
            } else {
                applied.append(contentsOf: group.map { appliedWrite($0) })
            }
        }
        try await recordApplied(applied)
        for result in applied { await alertIfLow(result.action) }
        return pending
    }

    private func handleStopped(_ action: ReconcileAction) async throws -> ReconcileSession.Outcome {
        failedWrites[action.idempotencyKey] = breaker.stopped[.salesforce]!
        _ = try await store.recordFailure(action, error: breaker.stopped[.salesforce]!, status: .failed, now: engine.now())
        count(action.flow) { $0.failed += 1 }
        return .pending
    }

    /// Groups Opportunity writes by record (in first-seen order).
    private func merged(_ writes: [QueuedWrite]) -> [MergedWrite] {
        var order: [String] = []
        var groups: [String: [ReconcileAction]] = [:]
        for write in writes {
            let id = write.action.recordID
            if groups[id] == nil { order.append(id) }
            groups[id, default: []].append(write.action)
        }
        return order.map { MergedWrite(opportunityID: $0, actions: groups[$0]!) }
    }

    /// The fields to write for a merged group: deal numbers from the mapping, payment fields from the last payment.
    private func writeBack(for group: MergedWrite) -> OpportunityWriteBack {
        var fields = OpportunitySyncFields()
        for action in group.actions {
            switch action.operation {
            case .writeBackDeal(let id):
                let deal = deals[id] ?? DealMapping(opportunityID: id)
                fields.sapOrderNumber = deal.sapSalesOrder
                fields.zohoInvoiceNumber = deal.zohoInvoiceNumber
                fields.syncStatus = deal.syncStatus
                fields.lastSyncDate = engine.now()
            case .writeBackPayment(let payment):
                fields.paymentReceived = payment.fields.paymentReceived
                fields.paymentDate = payment.fields.paymentDate
                fields.paymentAmount = payment.fields.paymentAmount
                fields.paymentMethod = payment.fields.paymentMethod
            default:
                break
            }
        }
        return OpportunityWriteBack(opportunityId: group.opportunityID, fields: fields)
    }

    private func appliedWrite(_ action: ReconcileAction) -> AppliedAction {
        switch action.operation {
        case .updateProductStock(let update, let material, _):
            let mapping = ProductMapping(
                product2ID: update.product2Id, material: material, lastWrittenStock: update.availableStock,
                lastWrittenLowStock: update.lowStockAlert, lastWrittenAt: update.stockLastUpdated)
            return AppliedAction(action: action, resultReference: "\(update.availableStock)", products: [mapping])
        case .writeBackDeal(let id):
            return AppliedAction(action: action, resultReference: deals[id]?.syncStatus.rawValue)
        default:
            return AppliedAction(action: action)
        }
    }

    private func alertIfLow(_ action: ReconcileAction) async {
        guard case .updateProductStock(let update, let material, let becameLow) = action.operation, becameLow else { return }
        await engine.alerts.enqueue(Alert(
            kind: .lowStock, title: "Low stock: \(material)",
            text: "Available stock of material \(material) fell to \(update.availableStock), below the threshold of \(settings.lowStockThreshold).",
            records: await alertRecords(for: action)))
    }
}

/// Opportunity writes merged per record.
struct MergedWrite: Sendable {
    let opportunityID: String
    let actions: [ReconcileAction]
}

extension Array {
    /// Splits into consecutive chunks of at most `size` elements.
    func chunked(_ size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
