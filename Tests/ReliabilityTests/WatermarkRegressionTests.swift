import Foundation
import SAPSimulator
import SalesforceSimulator
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import Testing
import ZohoBooksSimulator

/// The two losses the watermark property test found, pinned with fixed timings (seed 271610323 found both).
@Suite(.serialized) struct WatermarkRegressionTests {
    static let start = ISO8601DateFormatter().date(from: "2026-11-30T09:00:00Z")!

    /// CRMSync's clock 30 s ahead of Salesforce's: SAP refuses a deal's Sales Order (its Material is not released),
    /// the Material is released and the deal saved 5 s later; the next poll must create the order, not take the
    /// save for the version that failed.
    @Test func fixSavedSoonAfterAFailure_withOurClockAhead_isRetried() async throws {
        var random = SeededRandom(seed: 7)
        let dataset = try ReliabilityDataset.make(products: 5, accounts: 2, sapMissing: 1, random: &random)
        let clock = ManualSimulatorClock(Self.start)
        try await ReliabilitySimulators.run(seed: dataset, clock: clock, adjust: { $0.salesforce.assertionClockSkewSeconds = 600 }) { running in
            try await ReliabilitySimulators.withRuntime(
                running, statePath: ReliabilitySimulators.freshStatePath("regression"), now: { clock.now().addingTimeInterval(30) }
            ) { runtime in
                var random = SeededRandom(seed: 8)
                let material = ReliabilityDataset.missingCode(1)
                let deal = try running.salesforce.enterDeal(
                    number: 1, accountIndex: 1, products: 5, random: &random, extraProductCode: material)
                clock.advance(bySeconds: 1)
                _ = try await runtime.engine.runPass(flows: [.orders])
                #expect(running.sap.salesOrderCount(purchaseOrderByCustomer: deal.opportunityID) == 0)

                clock.advance(bySeconds: 5)
                running.sap.upsertProduct(
                    ProductFields(product: material, description: "Released part", plants: ["1010"],
                                  listPrices: [ReliabilityDataset.currency: 12]), commitLagSeconds: 0)
                try running.salesforce.updateRecord(id: deal.opportunityID, fields: ["Description": .string("Material released")])
                clock.advance(bySeconds: 1)
                _ = try await runtime.engine.runPass(flows: [.orders])
                #expect(running.sap.salesOrderCount(purchaseOrderByCustomer: deal.opportunityID) == 1)
            }
        }
    }

    /// A user's long transaction holds a synced Opportunity while its invoice is paid: the payment write-back
    /// meets UNABLE_TO_LOCK_ROW (as Salesforce answers once its lock wait runs out) and lands after the commit,
    /// instead of being overwritten by it.
    @Test func paymentWriteBackOnARowHeldByALongTransaction_landsAfterTheCommit() async throws {
        var random = SeededRandom(seed: 9)
        let dataset = try ReliabilityDataset.make(products: 5, accounts: 2, random: &random)
        let clock = ManualSimulatorClock(Self.start)
        try await ReliabilitySimulators.run(seed: dataset, clock: clock) { running in
            try await ReliabilitySimulators.withRuntime(
                running, statePath: ReliabilitySimulators.freshStatePath("regression"), now: { clock.now() }
            ) { runtime in
                var random = SeededRandom(seed: 10)
                let deal = try running.salesforce.enterDeal(number: 1, accountIndex: 1, products: 5, random: &random)
                clock.advance(bySeconds: 1)
                _ = try await runtime.engine.runPass(flows: [.orders, .invoices])
                let invoice = try #require(running.zoho.invoices(referenceNumber: "SF-" + deal.opportunityID).first)

                try running.salesforce.updateRecord(
                    id: deal.opportunityID, fields: ["Description": .string("Long edit")], commitLagSeconds: 100)
                try running.zoho.recordFullPayment(invoiceID: invoice.invoiceID)
                clock.advance(bySeconds: 10)
                _ = try await runtime.engine.runPass(flows: [.payments])
                clock.advance(bySeconds: 100)
                _ = try await runtime.engine.runPass(flows: [.payments])

                let record = running.salesforce.record(id: deal.opportunityID) ?? [:]
                #expect(record["Description"] == .string("Long edit"))
                #expect(record["Payment_Received__c"] == .bool(true))
                #expect(record["Payment_Amount__c"] == .number(invoice.total))
            }
        }
    }
}
