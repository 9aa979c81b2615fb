import Foundation
import GRDB
import SyncCore
@testable import SyncStore
import Testing

/// The SQLite store's hand-written row path (upsert statements, `init(row:)`) against GRDB's Codable record path:
/// the same column values byte for byte, and files written by the Codable path read back unchanged.
@Suite struct SQLiteRowCodingTests {
    /// 2026-11-30 15:33:21.250 UTC (a fraction exact in binary, so it survives GRDB's millisecond text).
    static let created = Date(timeIntervalSince1970: 1_796_052_801.25)
    static let updated = Date(timeIntervalSince1970: 1_796_052_862.5)

    static let entry = JournalEntry(
        idempotencyKey: "orders/sales-order/006Aa00000AbCdEIAV", flow: "orders", kind: "create_sales_order",
        targetSystem: "sap", recordID: "006Aa00000AbCdEIAV", status: .failed, attempts: 3, resultReference: "4711",
        errorCode: "http_status", errorMessage: "SAP answered 503", createdAt: created, updatedAt: updated)
    static let account = AccountMapping(
        accountID: "001Aa00000AbCdEIAV", sapBusinessPartner: "1000123", sapCustomer: "C1000123",
        zohoContactID: "460000000026049", zohoContactEmail: "ap@example.com")
    static let deal = DealMapping(
        opportunityID: "006Aa00000AbCdEIAV", sapSalesOrder: "4711", zohoInvoiceID: "982000000567114",
        zohoInvoiceNumber: "INV-000003", invoiceEmailed: true, currency: "EUR")
    static let product = ProductMapping(
        product2ID: "01tAa00000AbCdEIAV", material: "TG11", lastWrittenStock: Decimal(string: "12345678901234.5678")!,
        lastWrittenLowStock: false, lastWrittenAt: updated)
    static let bareProduct = ProductMapping(
        product2ID: "01tAa00000AbCdFIAV", material: "TG12", lastWrittenStock: nil, lastWrittenLowStock: nil, lastWrittenAt: nil)

    static func migratedQueue() throws -> DatabaseQueue {
        let queue = try DatabaseQueue()
        try SQLiteStateStore.migrator.migrate(queue)
        return queue
    }

    static func allRows(_ db: Database) throws -> [String: [Row]] {
        var rows: [String: [Row]] = [:]
        for table in ["journal", "accountMapping", "dealMapping", "productMapping"] {
            rows[table] = try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY rowid")
        }
        return rows
    }

    /// Writes the first rows (every column set), then replaces them (some set to NULL), through both paths, and
    /// compares every table after each step.
    @Test func upsert_writesTheColumnValuesOfTheCodableRecordEncoder() throws {
        var changedEntry = Self.entry
        changedEntry.status = .applied
        changedEntry.attempts = 4
        changedEntry.errorCode = nil
        changedEntry.errorMessage = nil
        var changedProduct = Self.product
        changedProduct.lastWrittenStock = Decimal(string: "0.1")
        changedProduct.lastWrittenLowStock = true
        var changedDeal = Self.deal
        changedDeal.zohoInvoiceID = nil
        var changedAccount = Self.account
        changedAccount.zohoContactEmail = nil
        let steps: [(entry: JournalEntry, applied: AppliedAction)] = [
            (Self.entry, AppliedAction(
                action: Self.action, account: Self.account, deal: Self.deal, products: [Self.product, Self.bareProduct])),
            (changedEntry, AppliedAction(action: Self.action, account: changedAccount, deal: changedDeal, products: [changedProduct])),
        ]
        let codable = try Self.migratedQueue()
        let upserted = try Self.migratedQueue()
        for step in steps {
            try codable.write { db in
                try step.entry.save(db)
                try step.applied.account?.save(db)
                try step.applied.deal?.save(db)
                for product in step.applied.products { try product.save(db) }
            }
            try upserted.write { db in
                var dates = DatabaseDateCache()
                try SQLiteStateStore.upsert(step.entry, db, dates: &dates)
                try SQLiteStateStore.upsertMappings(of: step.applied, db, dates: &dates)
            }
            let expected = try codable.read(Self.allRows)
            let actual = try upserted.read(Self.allRows)
            #expect(actual == expected)
            #expect(actual["journal"]?.count == 1)
            #expect(actual["productMapping"]?.count == 2)
        }
    }

    @Test func upsert_storesGRDBsTextFormatsForTimesAndDecimals() throws {
        let queue = try Self.migratedQueue()
        try queue.write { db in
            var dates = DatabaseDateCache()
            try SQLiteStateStore.upsert(Self.entry, db, dates: &dates)
            try SQLiteStateStore.upsertMappings(of: AppliedAction(action: Self.action, products: [Self.product]), db, dates: &dates)
        }
        try queue.read { db in
            let journal = try #require(try Row.fetchOne(db, sql: "SELECT createdAt, typeof(createdAt) AS type, status FROM journal"))
            #expect(journal["createdAt"] as String == "2026-11-30 15:33:21.250")
            #expect(journal["type"] as String == "text")
            #expect(journal["status"] as String == "failed")
            let product = try #require(try Row.fetchOne(
                db, sql: "SELECT lastWrittenStock, typeof(lastWrittenStock) AS type, lastWrittenAt, lastWrittenLowStock FROM productMapping"))
            #expect(product["lastWrittenStock"] as String == "12345678901234.5678")
            #expect(product["type"] as String == "text")
            #expect(product["lastWrittenAt"] as String == "2026-11-30 15:34:22.500")
            #expect(product["lastWrittenLowStock"] as Int64 == 0)
        }
    }

    @Test func fileWrittenByCodableRecords_readsBackThroughTheStore() async throws {
        let path = TestStores.temporarySQLitePath()
        let store = try SQLiteStateStore(path: path)
        try await DatabaseQueue(path: path).write { db in
            try Self.entry.insert(db)
            try Self.account.insert(db)
            try Self.deal.insert(db)
            try Self.product.insert(db)
            try Self.bareProduct.insert(db)
        }
        #expect(try await store.journalEntries([Self.entry.idempotencyKey]) == [Self.entry.idempotencyKey: Self.entry])
        #expect(try await store.recentJournal(limit: 5) == [Self.entry])
        #expect(try await store.accountMappings([Self.account.accountID]) == [Self.account.accountID: Self.account])
        #expect(try await store.dealMappings([Self.deal.opportunityID]) == [Self.deal.opportunityID: Self.deal])
        #expect(try await store.dealMappings(zohoInvoiceIDs: ["982000000567114"]) == ["982000000567114": Self.deal])
        let products = try await store.productMappings([Self.product.product2ID, Self.bareProduct.product2ID])
        #expect(products == [Self.product.product2ID: Self.product, Self.bareProduct.product2ID: Self.bareProduct])
    }

    @Test func storeRoundTrip_keepsAttemptsAndCountsOneChangePerRow() async throws {
        let store = try SQLiteStateStore(path: TestStores.temporarySQLitePath())
        let before = try await store.totalChanges()
        #expect(try await store.markStarted([Self.action], now: Self.created).isEmpty)
        let first = try #require(try await store.markStarted([Self.action], now: Self.updated)[Self.action.idempotencyKey])
        #expect(first.attempts == 1 && first.status == .started && first.updatedAt == Self.created)
        _ = try await store.recordApplied(
            [AppliedAction(action: Self.action, resultReference: "4711", deal: Self.deal, products: [Self.product])], now: Self.updated)
        // Two starts and the applied entry write the journal row 3 times, plus one deal and one product mapping.
        #expect(try await store.totalChanges() == before + 5)
        let applied = try #require(try await store.journalEntries([Self.action.idempotencyKey])[Self.action.idempotencyKey])
        #expect(applied.status == .applied && applied.attempts == 2 && applied.resultReference == "4711")
        #expect(applied.createdAt == Self.created && applied.updatedAt == Self.updated)
        #expect(try await store.dealMappings([Self.deal.opportunityID])[Self.deal.opportunityID] == Self.deal)
        #expect(try await store.productMappings([Self.product.product2ID])[Self.product.product2ID] == Self.product)
    }

    @Test func unknownJournalStatus_isAStateStoreError() async throws {
        let path = TestStores.temporarySQLitePath()
        let store = try SQLiteStateStore(path: path)
        try await DatabaseQueue(path: path).write { db in
            try db.execute(sql: """
                INSERT INTO journal (idempotencyKey, flow, kind, targetSystem, recordID, status, attempts, createdAt, updatedAt)
                VALUES ('k', 'orders', 'create_sales_order', 'sap', 'r', 'postponed', 1, '2026-11-30 15:33:21.250', '2026-11-30 15:33:21.250')
                """)
        }
        await #expect(throws: SyncError.self) { try await store.journalEntries(["k"]) }
    }

    static let action = ReconcileAction(
        idempotencyKey: "orders/sales-order/006Aa00000AbCdEIAV", flow: .orders, recordID: "006Aa00000AbCdEIAV",
        operation: .writeBackDeal(opportunityID: "006Aa00000AbCdEIAV"))
}
