import Foundation
import SalesforceSimulator
import SyncCore
import SyncService
import SyncStore
import Testing
import ZohoBooksSimulator

@Suite(.serialized) struct StockAndPaymentEndToEndTests {
    @Test func stock_changedInSAP_reachesProduct2_andLowStockAlertsOnce() async throws {
        try await EndToEnd.run { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.stock])
            let product = e2e.seed.products.first { $0.inSAP && $0.inSalesforce && $0.stock.count == 1 }!
            let bucket = product.stock[0]
            let id = e2e.running.salesforce.seedId("product:\(product.code)")!
            e2e.running.sap.setStock(material: product.code, plant: bucket.plant, storageLocation: bucket.storageLocation, quantity: 4)
            e2e.running.salesforce.requestLog.reset()
            let report = try await e2e.runtime.engine.runPass(flows: [.stock], mode: .full)
            await e2e.runtime.alerts.deliver()
            let record = e2e.running.salesforce.record(id: id) ?? [:]
            #expect(record["Available_Stock__c"] == .number(4))
            #expect(record["Low_Stock_Alert__c"] == .bool(true))
            #expect(report.flows.first?.applied == 1)
            // One Product2 query page (300 products < 2,000) and one collection call for the one change.
            #expect(e2e.running.salesforce.requestLog.count(method: "PATCH") == 1)
            #expect(e2e.running.slack.messages.contains { ($0.text ?? "").contains(product.code) })

            let again = try await e2e.runtime.engine.runPass(flows: [.stock], mode: .full)
            #expect(again.flows.first?.planned == 0)

            // Product2 records whose ProductCode SAP does not know are kept as dead letters naming the field.
            let unknown = e2e.seed.products.filter { $0.inSalesforce && !$0.inSAP }
            let letters = try await e2e.runtime.store.deadLetters(status: .open).filter { $0.flow == "stock" }
            #expect(Set(letters.map(\.recordID)) == Set(unknown.compactMap { e2e.running.salesforce.seedId("product:\($0.code)") }))
            #expect(letters.allSatisfy { $0.error.field == "Product2.ProductCode" })
        }
    }

    @Test func payments_partialThenFull_markOpportunityPaid() async throws {
        try await EndToEnd.run { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices, .payments])
            let deal = SeedDeal.closedWon(in: e2e.seed).first { $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail }!
            let id = e2e.opportunityID(deal.opportunity.key)
            let invoice = e2e.running.zoho.invoices(referenceNumber: "SF-" + id).first!
            let part = (invoice.total / 4).rounded(scale: 2)
            try e2e.running.zoho.recordPayment([.init(invoiceID: invoice.invoiceID, amount: part)], paymentMode: "banktransfer", date: "2026-11-30")
            _ = try await e2e.runtime.engine.runPass(flows: [.payments])
            var record = e2e.running.salesforce.record(id: id) ?? [:]
            #expect(record["Payment_Amount__c"] == .number(part))
            #expect(record["Payment_Received__c"] == .bool(false))
            #expect(record["Payment_Method__c"] == .string("banktransfer"))

            try e2e.running.zoho.recordFullPayment(invoiceID: invoice.invoiceID, paymentMode: "banktransfer")
            _ = try await e2e.runtime.engine.runPass(flows: [.payments])
            record = e2e.running.salesforce.record(id: id) ?? [:]
            #expect(record["Payment_Amount__c"] == .number(invoice.total))
            #expect(record["Payment_Received__c"] == .bool(true))
        }
    }
}

extension Decimal {
    /// Rounded half up to `scale` decimals.
    func rounded(scale: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, scale, .plain)
        return result
    }
}
