import Foundation
import SalesforceSimulator
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct WatermarkEndToEndTests {
    static let start = ISO8601DateFormatter().date(from: "2026-11-30T12:00:00Z")!

    /// Three open deals closed by users: two in one transaction (one shared timestamp), one in a long transaction
    /// that becomes visible two minutes after its stamp, older than rows already served. All three get one order.
    @Test func sharedTimestampsAndLateVisibleRecords_areAllSynced() async throws {
        let clock = ManualSimulatorClock(Self.start)
        try await EndToEnd.run(clock: clock) { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.orders])
            let products = Set(e2e.seed.products.filter { $0.inSAP && $0.inSalesforce }.map(\.code))
            let open = e2e.seed.opportunities.filter { opportunity in
                !opportunity.stage.hasPrefix("Closed") && !opportunity.lines.isEmpty
                    && opportunity.lines.allSatisfy { products.contains($0.product) && (Decimal(string: $0.quantity) ?? 0) > 0 }
            }.prefix(3).map { e2e.opportunityID($0.key) }
            #expect(open.count == 3)

            try e2e.running.salesforce.closeOpportunity(id: open[0], won: true, commitLagSeconds: 120)
            clock.advance(bySeconds: 1)
            try e2e.running.salesforce.updateRecords(open[1...2].map { ($0, ["StageName": FieldValue.string("Closed Won")]) })
            clock.advance(bySeconds: 30)
            _ = try await e2e.runtime.engine.runPass(flows: [.orders])
            #expect(e2e.running.sap.salesOrderCount(purchaseOrderByCustomer: open[0]) == 0)
            #expect(e2e.running.sap.salesOrderCount(purchaseOrderByCustomer: open[1]) == 1)
            #expect(e2e.running.sap.salesOrderCount(purchaseOrderByCustomer: open[2]) == 1)
            let mark = try await e2e.runtime.store.watermark(for: SyncFlow.orders.stream)
            #expect(mark?.position == Self.start.addingTimeInterval(1))

            clock.advance(bySeconds: 120)
            _ = try await e2e.runtime.engine.runPass(flows: [.orders])
            for id in open { #expect(e2e.running.sap.salesOrderCount(purchaseOrderByCustomer: id) == 1) }
        }
    }
}
