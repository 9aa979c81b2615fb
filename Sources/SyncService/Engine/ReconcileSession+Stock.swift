import Foundation
import SyncCore
import SyncStore

extension ReconcileSession {
    /// The stream that records when all SAP stock was last read.
    static let fullStockStream = "sap.stock.full"

    /// Runs the stock flow.
    ///
    /// A full read (full and backfill passes, the first pass, and incremental passes once the hourly interval has
    /// passed) sums all unrestricted stock per Material; otherwise only Materials whose product master changed since
    /// the watermark are read. Product2 records are then read page by page and only differences are written.
    func runStock() async throws {
        count(.stock) { _ in }
        guard !isGuarded([.stock]) else { return }
        let now = engine.now()
        let productMark = try await store.watermark(for: SyncFlow.stock.stream)
        let fullMark = try await store.watermark(for: Self.fullStockStream)
        // 5 % slack, so an hourly cron or timer that fires a moment early still gets its full read.
        let interval = engine.configuration.stockFullReadIntervalSeconds * 0.95
        let fullDue = fullMark.map { now.timeIntervalSince($0.position) >= interval } ?? true
        let full = mode != .incremental || fullDue || productMark == nil
        let since = full ? nil : productMark.map { $0.position.addingTimeInterval(-engine.configuration.overlapSeconds) }

        tracker = WatermarkTracker()
        do {
            var products = try await readSAPProducts(since: since)
            if !full { products = try await unhandledVersions(products) }
            count(.stock) { $0.observed += products.count }
            if !full && products.isEmpty { return }
            let materials = full ? nil : Set(products.keys)
            let stock = try await readSAPStock(products: products, only: materials)
            let planner = StockPlanner(threshold: settings.lowStockThreshold)
            breaker.success(.sap)
            try await engine.salesforce.forEachProduct2Page { page in
                try await self.handleProductPage(page, planner: planner, stock: stock, only: materials, now: now)
            }
            breaker.success(.salesforce)
        } catch let error as SyncError where error.system != .stateStore {
            await stop(error.system, error, flow: .stock)
            return
        }
        guard mode.movesWatermarks || mode == .full, !dryRun, reports[.stock]?.stoppedBy == nil else { return }
        if let next = tracker.advanced(from: productMark?.position) {
            try await store.saveWatermark(Watermark(stream: SyncFlow.stock.stream, position: next.position, lastID: next.lastID, updatedAt: now))
        }
        if full {
            try await store.saveWatermark(Watermark(stream: Self.fullStockStream, position: now, lastID: nil, updatedAt: now))
        } else {
            for key in productVersions.values.sorted() {
                try await store.recordJournal(JournalEntry(
                    idempotencyKey: key, flow: SyncFlow.stock.rawValue, kind: "observe_product",
                    targetSystem: SyncSystem.sap.rawValue, recordID: key, status: .applied, attempts: 1,
                    createdAt: now, updatedAt: now))
            }
        }
    }

    /// The journal key recording that a product master version was handled.
    static func productVersionKey(_ material: String, _ changed: Date) -> String {
        "stock/product/\(material)@\(Int64((changed.timeIntervalSince1970 * 1000).rounded()))"
    }

    /// Drops products whose master version was already handled by an earlier incremental pass (the overlap window
    /// re-reads them), so an idle pass reads nothing more and writes nothing.
    private func unhandledVersions(_ products: [String: String]) async throws -> [String: String] {
        let keys = productVersions
        let handled = try await store.journalEntries(Array(keys.values)).filter { $0.value.status == .applied }
        productVersions = keys.filter { handled[$0.value] == nil }
        return products.filter { productVersions[$0.key] != nil }
    }

    /// Reads SAP products (all, or changed since), returning Material -> base unit and tracking their timestamps.
    private func readSAPProducts(since: Date?) async throws -> [String: String] {
        let collector = ProductCollector()
        try await engine.sap.forEachChangedProductPage(since: since) { page in
            await collector.add(page)
        }
        let stamps = await collector.stamps
        for (product, stamp) in stamps { tracker.done(at: stamp, id: product) }
        productVersions = Dictionary(uniqueKeysWithValues: stamps.map { ($0.key.uppercased(), Self.productVersionKey($0.key.uppercased(), $0.value)) })
        return await collector.units
    }

    /// Sums unrestricted stock per Material; Materials without stock rows count as 0 in their base unit.
    private func readSAPStock(products: [String: String], only: Set<String>?) async throws -> [String: Quantity] {
        let summer = StockSummer(units: products)
        try await engine.sap.forEachStockPage(materials: only.map { Array($0).sorted() }) { rows in
            await summer.add(rows)
        }
        return await summer.totals
    }

    /// Plans and applies one page of Product2 records.
    func handleProductPage(
        _ page: [Product2Record], planner: StockPlanner, stock: [String: Quantity], only: Set<String>?, now: Date
    ) async throws {
        let actions = planner.plan(products: page, sapStock: stock, only: only, now: now)
        for action in actions {
            _ = try await apply(action)
        }
        _ = try await flushWrites()
        guard !dryRun else { return }
        let rejected = Set(actions.filter { $0.idempotencyKey.contains("/reject/") }.map(\.recordID))
        let fine = page.filter { product in
            !rejected.contains(product.id) && (only?.contains((product.productCode ?? "").uppercased()) ?? true)
        }.map { IdempotencyKey.reject(flow: .stock, record: $0.id) }
        await reportRecovered(try await store.resolveDeadLetters(fine, now: now))
        try await pageCommitted(flows: [.stock], position: nil)
    }
}

/// Collects SAP products across pages.
actor ProductCollector {
    var units: [String: String] = [:]
    var stamps: [String: Date] = [:]

    func add(_ page: [SAPProduct]) {
        for product in page where !product.isMarkedForDeletion {
            units[product.product.uppercased()] = product.baseUnit
            stamps[product.product] = product.lastChangeDateTime
        }
    }
}

/// Sums stock rows per Material across pages, for the Materials read from the product master only: stock left on
/// a product marked for deletion does not make it a Material again (in a full read as in an incremental one).
actor StockSummer {
    var totals: [String: Quantity]

    init(units: [String: String]) {
        totals = units.mapValues { Quantity(0, $0) }
    }

    func add(_ rows: [MaterialStockRow]) {
        for row in rows {
            let key = row.material.uppercased()
            guard var total = totals[key] else { continue }
            total.value += row.quantity.value
            totals[key] = total
        }
    }
}
