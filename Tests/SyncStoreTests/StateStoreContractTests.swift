import Foundation
import SyncCore
import SyncStore
import Testing

/// The `StateStore` contract, run against every available backend (SQLite always, PostgreSQL with
/// `CRMSYNC_TEST_POSTGRES_URL`).
@Suite struct StateStoreContractTests {
    let now = Date(timeIntervalSince1970: 1_764_460_800)

    func action(_ key: String = "orders/sales-order/006000000000001AAA", record: String = "006000000000001AAA") -> ReconcileAction {
        ReconcileAction(idempotencyKey: key, flow: .orders, recordID: record, operation: .writeBackDeal(opportunityID: record))
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func postgreSQLBackendIsAvailable() {
        #expect(TestStores.backends.contains(.postgreSQL))
    }

    @Test(arguments: TestStores.backends)
    func watermark_roundTripsWithMilliseconds(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let mark = Watermark(stream: "s", position: Date(timeIntervalSince1970: 1_764_460_800.123), lastID: "006", updatedAt: now)
            try await store.saveWatermark(mark)
            try await store.saveWatermark(Watermark(stream: "a", position: now, lastID: nil, updatedAt: now))
            let read = try await store.watermark(for: "s")
            #expect(read?.lastID == "006")
            #expect(abs((read?.position.timeIntervalSince1970 ?? 0) - 1_764_460_800.123) < 0.0005)
            #expect(try await store.watermarks().map(\.stream) == ["a", "s"])
            try await store.deleteWatermark(for: "s")
            #expect(try await store.watermark(for: "s") == nil)
        }
    }

    @Test(arguments: TestStores.backends)
    func markStarted_thenApplied_recordsAttemptsAndMappingInOneStep(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let first = try await store.markStarted([action()], now: now)
            #expect(first.isEmpty)
            let second = try await store.markStarted([action()], now: now)
            #expect(second["orders/sales-order/006000000000001AAA"]?.status == .started)
            let deal = DealMapping(opportunityID: "006000000000001AAA", sapSalesOrder: "4000001", currency: "EUR")
            let account = AccountMapping(accountID: "001000000000001AAA", sapBusinessPartner: "10100001", sapCustomer: "10100001")
            _ = try await store.recordApplied(
                [AppliedAction(action: action(), resultReference: "4000001", account: account, deal: deal)], now: now)
            let entry = try await store.journalEntries(["orders/sales-order/006000000000001AAA"]).values.first
            #expect(entry?.status == .applied)
            #expect(entry?.attempts == 2)
            #expect(entry?.resultReference == "4000001")
            #expect(try await store.dealMappings(["006000000000001AAA"])["006000000000001AAA"] == deal)
            #expect(try await store.accountMappings(["001000000000001AAA", "001x"]) == ["001000000000001AAA": account])
        }
    }

    @Test(arguments: TestStores.backends)
    func recordFailure_dead_opensOneDeadLetterAndAlertsOnce(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let error = SyncError(code: .invalidInput, system: .sap, message: "bad", recordID: "006000000000001AAA", field: "Product2.ProductCode")
            #expect(try await store.recordFailure(action(), error: error, status: .dead, now: now))
            try await store.markAlerted(deadLetterKey: action().idempotencyKey)
            #expect(try await store.recordFailure(action(), error: error, status: .dead, now: now) == false)
            let letters = try await store.deadLetters(status: .open)
            #expect(letters.count == 1)
            #expect(letters.first?.failures == 2)
            #expect(letters.first?.error.field == "Product2.ProductCode")
            #expect(letters.first?.action == action())
            let id = try #require(letters.first?.id)
            #expect(try await store.deadLetter(id: id)?.idempotencyKey == action().idempotencyKey)

            let recovered = try await store.recordApplied([AppliedAction(action: action())], now: now)
            #expect(recovered.map(\.idempotencyKey) == [action().idempotencyKey])
            #expect(try await store.deadLetters(status: .open).isEmpty)
            #expect(try await store.deadLetters(status: nil).map(\.status) == [.resolved])
        }
    }

    @Test(arguments: TestStores.backends)
    func recordFailure_failed_journalsWithoutDeadLetter(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let error = SyncError(code: .serverError, system: .sap, message: "down", httpStatus: 503)
            #expect(try await store.recordFailure(action(), error: error, status: .failed, now: now) == false)
            let entry = try await store.journalEntries([action().idempotencyKey]).values.first
            #expect(entry?.status == .failed)
            #expect(entry?.errorCode == "server_error")
            #expect(try await store.deadLetters(status: nil).isEmpty)
        }
    }

    @Test(arguments: TestStores.backends)
    func resolveDeadLetters_writesNothingWhenNoneIsOpen(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let error = SyncError(code: .invalidInput, system: .salesforce, message: "no ProductCode")
            _ = try await store.recordFailure(action(), error: error, status: .dead, now: now)
            let before = try await store.totalChanges()
            #expect(try await store.resolveDeadLetters(["other"], now: now).isEmpty)
            #expect(try await store.totalChanges() == before)

            let resolved = try await store.resolveDeadLetters([action().idempotencyKey, "other"], now: now)
            #expect(resolved.map(\.status) == [.resolved])
            #expect(try await store.journalEntries([action().idempotencyKey]).values.first?.status == .skipped)
            #expect(try await store.resolveDeadLetters([action().idempotencyKey], now: now).isEmpty)
        }
    }

    @Test(arguments: TestStores.backends)
    func setDeadLetterStatus_discards(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let error = SyncError(code: .invalidInput, system: .salesforce, message: "no ProductCode")
            _ = try await store.recordFailure(action(), error: error, status: .dead, now: now)
            _ = try await store.recordFailure(action("k2", record: "006000000000002AAA"), error: error, status: .dead, now: now)
            let first = try #require(try await store.deadLetters(status: .open).first?.id)
            try await store.setDeadLetterStatus(id: first, .discarded, now: now)
            #expect(try await store.deadLetters(status: .discarded).map(\.id) == [first])
            #expect(try await store.deadLetters(status: .open).map(\.idempotencyKey) == ["k2"])
        }
    }

    @Test(arguments: TestStores.backends)
    func dealMappings_byZohoInvoiceID_andInBatches(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let deals = (1...5).map { n in
                DealMapping(opportunityID: "00600000000000\(n)AAA", zohoInvoiceID: "46000000000011\(n)", zohoInvoiceNumber: "INV-00000\(n)")
            }
            _ = try await store.recordApplied(deals.map { AppliedAction(action: action("k\($0.opportunityID)", record: $0.opportunityID), deal: $0) }, now: now)
            #expect(try await store.dealMappings(zohoInvoiceIDs: ["460000000000111", "1"]) == ["460000000000111": deals[0]])
            var batches: [[String]] = []
            try await store.forEachDealMapping(batchSize: 2) { batch in batches.append(batch.map(\.opportunityID)) }
            #expect(batches == [[deals[0], deals[1]], [deals[2], deals[3]], [deals[4]]].map { $0.map(\.opportunityID) })
        }
    }

    @Test(arguments: TestStores.backends)
    func productMapping_keepsDecimalExactly(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let stock = Decimal(string: "1234.56789012345678")!
            let mapping = ProductMapping(product2ID: "01t000000000001AAA", material: "TG-1000", lastWrittenStock: stock, lastWrittenLowStock: false, lastWrittenAt: now)
            let empty = ProductMapping(product2ID: "01t000000000002AAA", material: "TG-2000", lastWrittenStock: nil, lastWrittenLowStock: nil, lastWrittenAt: nil)
            _ = try await store.recordApplied([AppliedAction(action: action(), products: [mapping, empty])], now: now)
            let read = try await store.productMappings(["01t000000000001AAA", "01t000000000002AAA"])
            #expect(read["01t000000000001AAA"]?.lastWrittenStock == stock)
            #expect(read["01t000000000002AAA"] == empty)
        }
    }

    @Test(arguments: TestStores.backends)
    func runs_latestPerFlow(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            var run = try await store.startRun(SyncRun(flow: "orders", kind: .incremental, startedAt: now))
            #expect(run.id != nil)
            run.applied = 3
            run.outcome = .succeeded
            run.finishedAt = now.addingTimeInterval(2)
            try await store.finishRun(run)
            _ = try await store.startRun(SyncRun(flow: "stock", kind: .full, startedAt: now))
            let latest = try await store.latestRuns()
            #expect(latest.map(\.flow) == ["orders", "stock"])
            #expect(latest.first == run)
        }
    }

    @Test(arguments: TestStores.backends)
    func journal_recentNewestFirst(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            for n in 1...3 {
                var entry = JournalEntry(action: action("k\(n)"), now: now.addingTimeInterval(Double(n)))
                entry.status = .skipped
                try await store.recordJournal(entry)
            }
            #expect(try await store.recentJournal(limit: 2).map(\.idempotencyKey) == ["k3", "k2"])
        }
    }

    @Test(arguments: TestStores.backends)
    func saveQuotas_writesOnlyChangedRows(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let salesforce = APIQuotaUsage(system: "salesforce", used: 120, dailyLimit: 15_000, observedAt: now)
            let zoho = APIQuotaUsage(system: "zoho", used: 40, dailyLimit: 1_000, observedAt: now)
            try await store.saveQuotas([zoho, salesforce])
            #expect(try await store.quotas() == [salesforce, zoho])

            let before = try await store.totalChanges()
            var later = salesforce
            later.observedAt = now.addingTimeInterval(60)
            try await store.saveQuotas([later, zoho])
            #expect(try await store.totalChanges() == before, "equal figures must not be written again")
            #expect(try await store.quotas().first?.observedAt == now)

            later.used = 121
            try await store.saveQuotas([later, zoho])
            #expect(try await store.totalChanges() == before + 1)
            #expect(try await store.quotas() == [later, zoho])
        }
    }

    @Test(arguments: TestStores.backends)
    func emptyCalls_writeNothing(_ backend: Backend) async throws {
        try await TestStores.with(backend) { store in
            let before = try await store.totalChanges()
            #expect(try await store.markStarted([], now: now).isEmpty)
            #expect(try await store.recordApplied([], now: now).isEmpty)
            #expect(try await store.resolveDeadLetters([], now: now).isEmpty)
            try await store.saveQuotas([])
            #expect(try await store.accountMappings([]).isEmpty)
            #expect(try await store.totalChanges() == before)
        }
    }
}
