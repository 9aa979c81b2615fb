import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct CrashSafetyTests {
    /// One deal, a crash right after each mutating call of its flow in turn (Business Partner, Sales Order, contact,
    /// invoice with email, write-back), then a normal rerun: exactly one order, invoice and email, numbers written.
    @Test(arguments: 1...5)
    func crashAfterEachStep_rerunCreatesNoDuplicate(step: Int) async throws {
        try await EndToEnd.run { e2e in
            let deal = SeedDeal.closedWon(in: e2e.seed).first {
                $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail && !$0.account.existingZohoContact
            }!
            let accountID = e2e.running.salesforce.seedId("account:\(deal.account.key)")!
            let id = e2e.opportunityID(deal.opportunity.key)
            let crash = CrashSwitch(crashAfter: step)
            let store = try SQLiteStateStore.inMemory()
            func engine(_ salesforce: any SalesforceGateway, _ sap: any SAPGateway, _ zoho: any ZohoBooksGateway) -> SyncEngine {
                SyncEngine(
                    salesforce: salesforce, sap: sap, zoho: zoho, store: store,
                    alerts: AlertDispatcher(sink: nil, store: store, logger: EndToEnd.quietLogger),
                    configuration: e2e.runtime.configuration.engine, logger: EndToEnd.quietLogger)
            }
            let crashing = engine(
                CrashingSalesforce(base: e2e.runtime.salesforce, crash: crash), CrashingSAP(base: e2e.runtime.sap, crash: crash),
                CrashingZoho(base: e2e.runtime.zoho, crash: crash))
            await #expect(throws: SimulatedCrash.self) {
                _ = try await crashing.runPass(flows: [.orders, .invoices], mode: .records([id]))
            }
            _ = try await engine(e2e.runtime.salesforce, e2e.runtime.sap, e2e.runtime.zoho)
                .runPass(flows: [.orders, .invoices], mode: .records([id]))

            let orders = e2e.running.sap.salesOrders(purchaseOrderByCustomer: id)
            let invoices = e2e.running.zoho.invoices(referenceNumber: "SF-" + id)
            #expect(orders.count == 1)
            #expect(invoices.count == 1)
            #expect(e2e.running.zoho.sentEmails(invoiceID: invoices.first?.invoiceID).count == 1)
            #expect(e2e.running.sap.businessPartners().filter { $0.businessPartnerIDByExtSystem == accountID.uppercased() }.count == 1)
            let record = e2e.running.salesforce.record(id: id) ?? [:]
            #expect(record["SAP_Order_Number__c"] == .string(orders.first?.salesOrder ?? "-"))
            #expect(record["Zoho_Invoice_Number__c"] == .string(invoices.first?.invoiceNumber ?? "-"))
        }
    }
}
