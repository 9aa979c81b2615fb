import Foundation
import SyncCore
import SyncStore
import Testing

/// `state export` / `state import`: a SQLite store with a row in every table, exported, imported into each backend,
/// exported again: the rows are the same.
@Suite struct StateTransferTests {
    let now = Date(timeIntervalSince1970: 1_764_460_800.125)

    /// Fills every exported table through the store's own API.
    func fill(_ store: any StateStore) async throws {
        try await store.saveWatermark(Watermark(stream: SyncFlow.orders.stream, position: now, lastID: "006000000000001AAA", updatedAt: now))
        let order = ReconcileAction(
            idempotencyKey: "orders/sales-order/006000000000001AAA", flow: .orders, recordID: "006000000000001AAA",
            operation: .writeBackDeal(opportunityID: "006000000000001AAA"))
        _ = try await store.markStarted([order], now: now)
        _ = try await store.recordApplied([AppliedAction(
            action: order, resultReference: "4000001",
            account: AccountMapping(accountID: "001000000000001AAA", sapBusinessPartner: "10100001", zohoContactID: "460000000000001"),
            deal: DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001", zohoInvoiceID: "460000000000111", currency: "EUR"),
            products: [ProductMapping(product2ID: "01t000000000001AAA", material: "TG-1000", lastWrittenStock: Decimal(string: "12.345")!, lastWrittenLowStock: false, lastWrittenAt: now)])],
            now: now)
        let bad = ReconcileAction(
            idempotencyKey: "stock/product/01t000000000002AAA", flow: .stock, recordID: "01t000000000002AAA",
            operation: .rejectRecord(SyncError(code: .invalidInput, system: .salesforce, message: "Product2 has no ProductCode", field: "Product2.ProductCode")))
        _ = try await store.recordFailure(bad, error: SyncError(code: .invalidInput, system: .salesforce, message: "Product2 has no ProductCode"), status: .dead, now: now)
        var run = try await store.startRun(SyncRun(flow: "orders", kind: .incremental, startedAt: now))
        run.outcome = .partial
        run.finishedAt = now.addingTimeInterval(1.5)
        try await store.finishRun(run)
        try await store.saveQuotas([APIQuotaUsage(system: "salesforce", used: 321, dailyLimit: 15_000, observedAt: now)])
    }

    func temporaryFile() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-export-\(UUID().uuidString).jsonl")
    }

    /// The export's record lines (the header names the backend and time, so it differs).
    func recordLines(_ url: URL) throws -> [String] {
        Array(try String(contentsOf: url, encoding: .utf8).split(separator: "\n").dropFirst().map(String.init))
    }

    @Test(arguments: TestStores.backends)
    func sqliteExport_importedInto_exportsTheSameRows(_ target: Backend) async throws {
        let source = try SQLiteStateStore(path: TestStores.temporarySQLitePath())
        try await fill(source)
        let first = temporaryFile()
        let counts = try await StateArchive.export(source, header: .init(backend: "sqlite", exportedAt: now), to: first, batchSize: 1)
        #expect(counts == ["watermark": 1, "accountMapping": 1, "dealMapping": 1, "productMapping": 1, "journal": 2,
                           "deadLetter": 1, "syncRun": 1, "api_quota": 1])
        #expect((try FileManager.default.attributesOfItem(atPath: first.path)[.posixPermissions] as? Int) == 0o600)

        let (header, records) = try StateArchive.read(from: first)
        #expect(header.backend == "sqlite")
        #expect(header.schemaVersion == StateSchema.currentVersion)
        let second = temporaryFile()
        try await TestStores.with(target) { store in
            try await store.importRecords(records, replacing: false)
            try await StateArchive.export(store, header: .init(backend: target.rawValue, exportedAt: now), to: second)
            // Ids continue after the imported ones.
            let next = try await store.startRun(SyncRun(flow: "stock", kind: .full, startedAt: now))
            #expect(next.id == 2)
            #expect(try await store.productMappings(["01t000000000001AAA"]).values.first?.lastWrittenStock == Decimal(string: "12.345"))
        }
        #expect(try recordLines(second) == recordLines(first))
        #expect(try recordLines(first).count == 9)
    }

    @Test(arguments: TestStores.backends)
    func import_refusesANonEmptyStore_unlessReplacing(_ target: Backend) async throws {
        let source = try SQLiteStateStore(path: TestStores.temporarySQLitePath())
        try await fill(source)
        let file = temporaryFile()
        try await StateArchive.export(source, header: .init(backend: "sqlite", exportedAt: now), to: file)
        let records = try StateArchive.read(from: file).records
        try await TestStores.with(target) { store in
            try await store.saveWatermark(Watermark(stream: "other", position: now, lastID: nil, updatedAt: now))
            await #expect(throws: SyncError.self) { try await store.importRecords(records, replacing: false) }
            #expect(try await store.watermarks().map(\.stream) == ["other"], "a refused import writes nothing")
            try await store.importRecords(records, replacing: true)
            #expect(try await store.watermarks().map(\.stream) == [SyncFlow.orders.stream])
        }
    }

    @Test func read_rejectsAFileWithoutHeader() throws {
        let file = temporaryFile()
        try Data("{\"table\":\"watermark\",\"row\":{}}\n".utf8).write(to: file)
        #expect(throws: SyncError.self) { try StateArchive.read(from: file) }
    }
}
