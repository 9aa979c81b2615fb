import Foundation
import Synchronization
import SyncCore
import SyncStore
import Testing
@testable import SyncService

/// Salesforce as the runtime's client, with Opportunity pages cut to `pageSize` records and, while armed, the read
/// interrupted (as Ctrl-C would) after `interruptAfterPages` pages were committed.
final class InterruptingSalesforce: SalesforceGateway {
    let base: any SalesforceGateway
    let pageSize: Int
    let interruptAfterPages = Mutex<Int?>(nil)

    init(_ base: any SalesforceGateway, pageSize: Int) {
        self.base = base
        self.pageSize = pageSize
    }

    func forEachOpportunityPage(_ query: OpportunityQuery, _ body: @Sendable ([Opportunity]) async throws -> Void) async throws {
        let limit = interruptAfterPages.withLock { $0 }
        let served = Mutex(0)
        try await base.forEachOpportunityPage(query) { page in
            for start in stride(from: 0, to: page.count, by: self.pageSize) {
                if let limit, served.withLock({ $0 }) >= limit { throw CancellationError() }
                try await body(Array(page[start..<min(start + self.pageSize, page.count)]))
                served.withLock { $0 += 1 }
            }
        }
    }

    func forEachProduct2Page(_ body: @Sendable ([Product2Record]) async throws -> Void) async throws {
        try await base.forEachProduct2Page(body)
    }

    func updateOpportunities(_ writeBacks: [OpportunityWriteBack]) async throws -> [RecordWriteResult] {
        try await base.updateOpportunities(writeBacks)
    }

    func updateProduct2Stock(_ updates: [Product2StockUpdate]) async throws -> [RecordWriteResult] {
        try await base.updateProduct2Stock(updates)
    }

    func instanceURL() async -> String? { await base.instanceURL() }
    func quota() async -> QuotaSnapshot? { await base.quota() }
}

@Suite(.serialized) struct BackfillResumeTests {
    static let utc = Date.ISO8601FormatStyle()
    /// Every Closed Won deal of the seed was last modified between these (seed-dataset.json); the window ends before
    /// the write-backs of this test move LastModifiedDate to now.
    static let windowStart = try! Date("2026-10-01T00:00:00Z", strategy: utc)
    static let windowEnd = try! Date("2026-11-28T00:00:00Z", strategy: utc)
    static let pageSize = 5

    /// Interrupted after two pages, then run again: it resumes from the saved cursor (reading only from there),
    /// finishes, removes the cursor, creates nothing twice, and never moves the live watermarks.
    @Test func interruptedBackfill_resumesFromCursor_andFinishes() async throws {
        try await EndToEnd.run { e2e in
            let runtime = e2e.runtime
            let salesforce = InterruptingSalesforce(runtime.salesforce, pageSize: Self.pageSize)
            let engine = SyncEngine(
                salesforce: salesforce, sap: runtime.sap, zoho: runtime.zoho, store: runtime.store, alerts: runtime.alerts,
                configuration: runtime.configuration.engine, logger: EndToEnd.quietLogger)
            let live = Date(timeIntervalSince1970: 1_790_000_000)
            for flow in SyncFlow.allCases {
                try await runtime.store.saveWatermark(Watermark(stream: flow.stream, position: live, lastID: "live", updatedAt: live))
            }
            let liveMarks = try await runtime.store.watermarks()
            let flows: Set<SyncFlow> = [.orders, .invoices]
            let mode = PassMode.backfill(from: Self.windowStart, to: Self.windowEnd)

            // Expectations from the seed: the deals' timestamps in (timestamp, Id) order are what the stream reads;
            // two pages of five are done before the interruption, so the cursor is the tenth deal's timestamp.
            let stamps = e2e.seed.opportunities.filter { $0.stage == "Closed Won" }
                .map { try! Date($0.lastModified, strategy: Self.utc) }
                .filter { $0 >= Self.windowStart && $0 < Self.windowEnd }.sorted()
            #expect(stamps.count == 40)
            let cursorAt = stamps[2 * Self.pageSize - 1]

            salesforce.interruptAfterPages.withLock { $0 = 2 }
            await #expect(throws: CancellationError.self) { _ = try await engine.runPass(flows: flows, mode: mode) }
            let saved = try await BackfillCursor.saved(flows: flows, from: Self.windowStart, to: Self.windowEnd, in: runtime.store)
            #expect(saved == [.orders: cursorAt, .invoices: cursorAt])
            let ordersAfterFirst = e2e.running.sap.salesOrders().count
            #expect(ordersAfterFirst > 0)

            salesforce.interruptAfterPages.withLock { $0 = nil }
            let report = try await engine.runPass(flows: flows, mode: mode)
            let orders = try #require(report.flows.first { $0.flow == .orders })
            #expect(orders.resumedFrom == cursorAt)
            // It reads from the cursor on: the deals after the first two pages, and at most the cursor's own deal
            // again (unless its write-back already moved its LastModifiedDate out of the window).
            #expect((stamps.filter { $0 > cursorAt }.count...stamps.filter { $0 >= cursorAt }.count).contains(orders.observed))
            #expect(orders.stoppedBy == nil)

            // Finished: the cursor is gone, the live watermarks are as they were.
            #expect(try await BackfillCursor.saved(flows: flows, from: Self.windowStart, to: Self.windowEnd, in: runtime.store).isEmpty)
            #expect(try await runtime.store.watermarks() == liveMarks)

            // Nothing twice: at most one Sales Order and one invoice per deal, one for every deal the systems take.
            for deal in SeedDeal.closedWon(in: e2e.seed) {
                let id = e2e.opportunityID(deal.opportunity.key)
                let sapOrders = e2e.running.sap.salesOrders(purchaseOrderByCustomer: id).count
                let invoices = e2e.running.zoho.invoices(referenceNumber: "SF-" + id).count
                #expect(sapOrders <= 1 && invoices <= 1, "deal \(deal.opportunity.key) duplicated")
                if deal.sapCanTakeIt { #expect(sapOrders == 1, "deal \(deal.opportunity.key) has no Sales Order") }
                if deal.zohoCanTakeIt { #expect(invoices == 1, "deal \(deal.opportunity.key) has no invoice") }
            }

            // Running the finished window again starts from its beginning (no cursor) and creates nothing.
            let again = try await engine.runPass(flows: flows, mode: mode)
            #expect(again.flows.allSatisfy { $0.resumedFrom == nil })
            #expect(e2e.running.sap.salesOrders().count == SeedDeal.closedWon(in: e2e.seed).filter(\.sapCanTakeIt).count)
        }
    }

    /// `--restart`: clearing the window's cursor makes the next run start at the window's start.
    @Test func clearedCursor_startsAtWindowStart() async throws {
        try await EndToEnd.run { e2e in
            let store = e2e.runtime.store
            let flows: Set<SyncFlow> = [.payments]
            let stream = BackfillCursor.stream(flow: .payments, from: Self.windowStart, to: nil)
            #expect(stream == "backfill.payments.2026-10-01T00:00:00Z-open")
            try await store.saveWatermark(Watermark(stream: stream, position: Self.windowEnd, lastID: nil, updatedAt: Self.windowEnd))
            #expect(try await BackfillCursor.saved(flows: flows, from: Self.windowStart, to: nil, in: store) == [.payments: Self.windowEnd])
            try await BackfillCursor.clear(flows: flows, from: Self.windowStart, to: nil, in: store)
            #expect(try await store.watermark(for: stream) == nil)
            let report = try await e2e.runtime.engine.runPass(flows: flows, mode: .backfill(from: Self.windowStart, to: nil))
            #expect(report.flows.first?.resumedFrom == nil)
        }
    }
}
