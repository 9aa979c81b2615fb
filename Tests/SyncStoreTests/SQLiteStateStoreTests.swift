import Foundation
import SyncCore
import SyncStore
import Testing

@Suite struct SQLiteStateStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_460_800)

    func action(_ key: String = "orders/sales-order/006000000000001AAA", record: String = "006000000000001AAA") -> ReconcileAction {
        ReconcileAction(idempotencyKey: key, flow: .orders, recordID: record, operation: .writeBackDeal(opportunityID: record))
    }

    func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-test-\(UUID().uuidString)/state.sqlite").path
    }

    @Test func open_createsFileWithMode0600InWALMode() async throws {
        let path = temporaryPath()
        let store = try SQLiteStateStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try await store.journalMode() == "wal")
    }

    @Test func watermark_roundTripsWithMilliseconds() async throws {
        let store = try SQLiteStateStore(path: temporaryPath())
        let mark = Watermark(stream: "s", position: Date(timeIntervalSince1970: 1_764_460_800.123), lastID: "006", updatedAt: now)
        try await store.saveWatermark(mark)
        let read = try await store.watermark(for: "s")
        #expect(read?.lastID == "006")
        #expect(abs((read?.position.timeIntervalSince1970 ?? 0) - 1_764_460_800.123) < 0.0005)
        try await store.deleteWatermark(for: "s")
        #expect(try await store.watermark(for: "s") == nil)
    }

    @Test func markStarted_thenApplied_recordsAttemptsAndMappingInOneStep() async throws {
        let store = try SQLiteStateStore.inMemory()
        let first = try await store.markStarted([action()], now: now)
        #expect(first.isEmpty)
        let second = try await store.markStarted([action()], now: now)
        #expect(second["orders/sales-order/006000000000001AAA"]?.status == .started)
        let deal = DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001")
        _ = try await store.recordApplied([AppliedAction(action: action(), resultReference: "4000001", deal: deal)], now: now)
        let entry = try await store.journalEntries(["orders/sales-order/006000000000001AAA"]).values.first
        #expect(entry?.status == .applied)
        #expect(entry?.attempts == 2)
        #expect(entry?.resultReference == "4000001")
        #expect(try await store.dealMappings(["006000000000001AAA"])["006000000000001AAA"] == deal)
    }

    @Test func recordFailure_dead_opensOneDeadLetterAndAlertsOnce() async throws {
        let store = try SQLiteStateStore.inMemory()
        let error = SyncError(code: .invalidInput, system: .sap, message: "bad", recordID: "006000000000001AAA", field: "Product2.ProductCode")
        #expect(try await store.recordFailure(action(), error: error, status: .dead, now: now))
        try await store.markAlerted(deadLetterKey: action().idempotencyKey)
        #expect(try await store.recordFailure(action(), error: error, status: .dead, now: now) == false)
        let letters = try await store.deadLetters(status: .open)
        #expect(letters.count == 1)
        #expect(letters.first?.failures == 2)
        #expect(letters.first?.error.field == "Product2.ProductCode")

        let recovered = try await store.recordApplied([AppliedAction(action: action())], now: now)
        #expect(recovered.map(\.idempotencyKey) == [action().idempotencyKey])
        #expect(try await store.deadLetters(status: .open).isEmpty)
    }

    @Test func dealMappings_byZohoInvoiceID() async throws {
        let store = try SQLiteStateStore.inMemory()
        let deal = DealMapping(opportunityID: "006000000000001AAA", zohoInvoiceID: "460000000000111", zohoInvoiceNumber: "INV-000001")
        _ = try await store.recordApplied([AppliedAction(action: action(), deal: deal)], now: now)
        #expect(try await store.dealMappings(zohoInvoiceIDs: ["460000000000111", "1"]) == ["460000000000111": deal])
    }

    @Test func productMapping_keepsDecimalExactly() async throws {
        let store = try SQLiteStateStore.inMemory()
        let stock = Decimal(string: "1234.56789012345678")!
        let mapping = ProductMapping(product2ID: "01t000000000001AAA", material: "TG-1000", lastWrittenStock: stock, lastWrittenLowStock: false, lastWrittenAt: now)
        _ = try await store.recordApplied([AppliedAction(action: action(), products: [mapping])], now: now)
        #expect(try await store.productMappings(["01t000000000001AAA"]).values.first?.lastWrittenStock == stock)
    }

    @Test func runnerLock_secondHolderIsRefused() throws {
        let path = temporaryPath()
        let lock = try RunnerLock(storePath: path)
        #expect(throws: SyncError.self) { try RunnerLock(storePath: path) }
        _ = lock
    }

    @Test func runs_latestPerFlow() async throws {
        let store = try SQLiteStateStore.inMemory()
        var run = try await store.startRun(SyncRun(flow: "orders", kind: .incremental, startedAt: now))
        run.applied = 3
        run.outcome = .succeeded
        try await store.finishRun(run)
        _ = try await store.startRun(SyncRun(flow: "stock", kind: .full, startedAt: now))
        let latest = try await store.latestRuns()
        #expect(latest.map(\.flow) == ["orders", "stock"])
        #expect(latest.first?.applied == 3)
    }
}
