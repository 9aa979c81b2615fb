import Foundation
import SalesforceSimulator
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct DealFlowEndToEndTests {
    @Test func firstPass_createsOneOrderAndInvoicePerDeal_andWritesNumbersBack() async throws {
        try await EndToEnd.run { e2e in
            let report = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            let deals = SeedDeal.closedWon(in: e2e.seed)
            #expect(deals.count >= 10)
            for deal in deals {
                let id = e2e.opportunityID(deal.opportunity.key)
                let orders = e2e.running.sap.salesOrders(purchaseOrderByCustomer: id)
                let invoices = e2e.running.zoho.invoices(referenceNumber: "SF-" + id)
                let record = e2e.running.salesforce.record(id: id) ?? [:]
                if deal.sapCanTakeIt {
                    #expect(orders.count == 1, "deal \(deal.opportunity.key)")
                    #expect(record["SAP_Order_Number__c"] == .string(orders.first?.salesOrder ?? "-"), "deal \(deal.opportunity.key)")
                } else {
                    #expect(orders.isEmpty, "deal \(deal.opportunity.key)")
                }
                if deal.zohoCanTakeIt {
                    #expect(invoices.count == 1, "deal \(deal.opportunity.key)")
                    #expect(record["Zoho_Invoice_Number__c"] == .string(invoices.first?.invoiceNumber ?? "-"), "deal \(deal.opportunity.key)")
                    let emails = e2e.running.zoho.sentEmails(invoiceID: invoices.first?.invoiceID).count
                    #expect(emails == (deal.hasEmail ? 1 : 0), "deal \(deal.opportunity.key)")
                } else {
                    #expect(invoices.isEmpty, "deal \(deal.opportunity.key)")
                }
                let status: String = switch (deal.sapCanTakeIt, deal.zohoCanTakeIt) {
                case (true, true): "Synced"
                case (false, false): "Failed"
                default: "Partial"
                }
                if deal.sapCanTakeIt || deal.zohoCanTakeIt {
                    #expect(record["Sync_Status__c"] == .string(status), "deal \(deal.opportunity.key)")
                }
            }
            let expectedDead = deals.filter { !$0.sapCanTakeIt }.count + deals.filter { !$0.zohoCanTakeIt }.count
                + deals.filter { $0.zohoCanTakeIt && !$0.hasEmail }.count
            let letters = try await e2e.runtime.store.deadLetters(status: .open)
            #expect(letters.count == expectedDead)
            #expect(letters.allSatisfy { $0.error.field != nil && $0.error.recordID != nil })
            #expect(report.flows.map(\.flow) == [.orders, .invoices])
        }
    }

    @Test func secondPass_plansNothing_andCallsNoWrite() async throws {
        try await EndToEnd.run { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            let ordersBefore = e2e.running.sap.salesOrderCount()
            let invoicesBefore = e2e.running.zoho.allInvoices().count
            e2e.running.salesforce.requestLog.reset()
            let second = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(second.flows.allSatisfy { $0.planned == 0 || $0.flow == .orders && $0.dead > 0 || $0.flow == .invoices && $0.dead > 0 })
            #expect(e2e.running.sap.salesOrderCount() == ordersBefore)
            #expect(e2e.running.zoho.allInvoices().count == invoicesBefore)
            #expect(e2e.running.salesforce.requestLog.count(method: "PATCH") == 0)
        }
    }

    @Test func rerunAfterUnknownOutcome_findsInsteadOfCreating() async throws {
        try await EndToEnd.run { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            let orders = e2e.running.sap.salesOrderCount()
            let invoices = e2e.running.zoho.allInvoices().count
            let emails = e2e.running.zoho.sentEmails().count
            // A crash after every create but before its record: the same journal, mappings and watermarks lost.
            let fresh = try SQLiteStateStore.inMemory()
            let keys = try await e2e.runtime.store.recentJournal(limit: 10_000).filter { $0.status == .applied }
            for entry in keys {
                var started = entry
                started.status = .started
                try await fresh.recordJournal(started)
            }
            let engine = SyncEngine(
                salesforce: e2e.runtime.salesforce, sap: e2e.runtime.sap, zoho: e2e.runtime.zoho, store: fresh,
                alerts: AlertDispatcher(sink: nil, store: fresh, logger: EndToEnd.quietLogger),
                configuration: e2e.runtime.configuration.engine, logger: EndToEnd.quietLogger)
            _ = try await engine.runPass(flows: [.orders, .invoices])
            #expect(e2e.running.sap.salesOrderCount() == orders)
            #expect(e2e.running.zoho.allInvoices().count == invoices)
            #expect(e2e.running.zoho.sentEmails().count == emails)
        }
    }
}
