import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct FaultEndToEndTests {
    /// 20 % of requests to every system fail in every way the simulators offer (but slow responses, and Zoho's
    /// per-minute rate limit, whose documented answer is to wait at least a minute): the first pass
    /// keeps what still fails after retries as dead letters; a full reconcile once the systems are healthy converges
    /// to exactly one order, invoice and email per deal, with every number written back.
    @Test func faultsEverywhere_thenFullReconcile_convergesWithoutDuplicates() async throws {
        try await EndToEnd.run { e2e in
            var plan = FaultPlan.uniform(rate: 0.2, seed: 42)
            plan.slowResponse = 0
            e2e.running.salesforce.faults.setPlan(plan)
            e2e.running.sap.faults.setPlan(plan)
            var zohoPlan = plan
            zohoPlan.rateLimited = 0
            zohoPlan.rateLimitedWithoutRetryAfter = 0
            e2e.running.zoho.faults.setPlan(zohoPlan)
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            let injected = e2e.running.sap.faults.injectedCount + e2e.running.zoho.faults.injectedCount
                + e2e.running.salesforce.faults.injectedCount
            #expect(injected > 10)
            for injector in [e2e.running.salesforce.faults, e2e.running.sap.faults, e2e.running.zoho.faults] {
                injector.setPlan(.none)
            }
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices], mode: .full)

            for deal in SeedDeal.closedWon(in: e2e.seed) where deal.sapCanTakeIt && deal.zohoCanTakeIt {
                let id = e2e.opportunityID(deal.opportunity.key)
                let orders = e2e.running.sap.salesOrders(purchaseOrderByCustomer: id)
                let invoices = e2e.running.zoho.invoices(referenceNumber: "SF-" + id)
                #expect(orders.count == 1, "deal \(deal.opportunity.key)")
                #expect(invoices.count == 1, "deal \(deal.opportunity.key)")
                #expect(e2e.running.zoho.sentEmails(invoiceID: invoices.first?.invoiceID).count == (deal.hasEmail ? 1 : 0))
                let record = e2e.running.salesforce.record(id: id) ?? [:]
                #expect(record["SAP_Order_Number__c"] == .string(orders.first?.salesOrder ?? "-"), "deal \(deal.opportunity.key)")
                #expect(record["Zoho_Invoice_Number__c"] == .string(invoices.first?.invoiceNumber ?? "-"), "deal \(deal.opportunity.key)")
            }
            let open = try await e2e.runtime.store.deadLetters(status: .open)
            #expect(open.allSatisfy { $0.error.code == .invalidInput || $0.error.code == .validationFailed })
        }
    }
}
