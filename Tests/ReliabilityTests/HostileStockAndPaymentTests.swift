import Foundation
import SAPSimulator
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing
import ZohoBooksSimulator

/// Hostile input in the stock and payments flows, and deleted and voided records.
@Suite(.serialized) struct HostileStockAndPaymentTests {
    static let deletedMaterial = "HOSTILE-DELETED-1"

    /// Product2 cases (one full stock pass): unknown Material, no ProductCode and a code over SAP's 40 characters are
    /// dead letters naming `Product2.ProductCode`; a Material SAP marked for deletion is no longer one; Materials
    /// with `'`, `+`, `&`, `#` get their stock (50 PC, seeded), in a full read and, after a change, in an
    /// incremental read that filters on the Material (`Material eq 'O''REILLY-7'`).
    @Test func stock_hostileProductCodes() async throws {
        let products = HostileDealCases.products + [HostileProduct(code: Self.deletedMaterial, name: "Deleted in SAP")]
        let seed = try HostileSeed.make(deals: [], products: products)
        try await HostileWorld.run(seed: seed) { world in
            world.running.sap.upsertProduct(
                ProductFields(product: Self.deletedMaterial, description: "Deleted in SAP", isMarkedForDeletion: true, plants: ["1010"]),
                commitLagSeconds: 0)
            let report = try await world.runtime.engine.runPass(flows: [.stock])
            #expect(report.flows.first?.stoppedBy == nil)

            let dead = [HostileDealCases.unknownMaterial, HostileDealCases.blankCodeProduct, HostileDealCases.overlongMaterial, Self.deletedMaterial]
            for code in dead {
                let id = world.id("product:\(code)")
                let letters = try await world.openDeadLetters(record: id, flow: .stock)
                #expect(letters.count == 1, "Product2 '\(code)': one dead letter")
                #expect(letters.first?.error.field == "Product2.ProductCode", "Product2 '\(code)': names the field")
                #expect(letters.first?.error.recordID == id, "Product2 '\(code)': names the record")
                #expect(!(try await world.journal(record: id)).isEmpty, "Product2 '\(code)': journaled")
            }
            let synced = HostileSeed.plainProducts + [HostileDealCases.apostropheMaterial, HostileDealCases.symbolMaterial, HostileDealCases.longNameMaterial]
            for code in synced {
                let record = world.running.salesforce.record(id: world.id("product:\(code)")) ?? [:]
                #expect(record["Available_Stock__c"] == .number(50), "Product2 '\(code)': stock from SAP")
                #expect(record["Low_Stock_Alert__c"] == .bool(false), "Product2 '\(code)': not low")
            }

            // An incremental pass reads only the changed Material, by a $filter on its number.
            world.running.sap.setStock(material: HostileDealCases.apostropheMaterial, plant: "1010", storageLocation: "101A", quantity: 3)
            world.running.sap.upsertProduct(
                ProductFields(product: HostileDealCases.apostropheMaterial, description: "Apostrophe material, changed", plants: ["1010"]),
                commitLagSeconds: 0)
            try await world.runtime.store.saveWatermark(Watermark(
                stream: "sap.stock.full", position: Date(), lastID: nil, updatedAt: Date()))
            let incremental = try await world.runtime.engine.runPass(flows: [.stock])
            #expect(incremental.flows.first?.stoppedBy == nil)
            let record = world.running.salesforce.record(id: world.id("product:\(HostileDealCases.apostropheMaterial)")) ?? [:]
            #expect(record["Available_Stock__c"] == .number(3))
            #expect(record["Low_Stock_Alert__c"] == .bool(true))
        }
    }

    /// Payment cases: an amount above the invoice balance is refused by Zoho (24016) and nothing is written; a
    /// payment of an invoice CRMSync did not create is a dead letter naming the payment and `invoices[].invoice_id`;
    /// a payment of a deal whose Opportunity was deleted in Salesforce is a dead letter naming the Opportunity; a
    /// voided invoice takes no payment; a deleted Opportunity is never synced; the rest is paid.
    @Test func payments_andDeletedAndVoidedRecords() async throws {
        let deals = [
            HostileDeal.named("paid in full", account: "Paying Customer GmbH"),
            HostileDeal.named("overpaid", account: "Overpaying Customer GmbH"),
            HostileDeal.named("Opportunity deleted after invoicing", account: "Deleted Later GmbH"),
            HostileDeal.named("invoice voided", account: "Voided Invoice GmbH"),
            HostileDeal.named("Opportunity deleted before sync", account: "Deleted Early GmbH"),
        ]
        let seed = try HostileSeed.make(deals: deals)
        try await HostileWorld.run(seed: seed) { world in
            let ids = deals.indices.map { world.id("opportunity:OPP-\(HostileSeed.key($0))") }
            try world.running.salesforce.deleteRecord(id: ids[4])
            _ = try await world.runtime.engine.runPass(flows: [.orders, .invoices, .payments])
            #expect(world.running.sap.salesOrderCount(purchaseOrderByCustomer: ids[4]) == 0, "deleted before sync: no order")
            #expect(world.running.zoho.invoices(referenceNumber: "SF-" + ids[4]).isEmpty, "deleted before sync: no invoice")
            #expect(try await world.runtime.store.deadLetters(status: .open).isEmpty, "deleted before sync: not an error")

            let invoice = { (index: Int) in world.running.zoho.invoices(referenceNumber: "SF-" + ids[index]).first! }
            try world.running.zoho.recordFullPayment(invoiceID: invoice(0).invoiceID, paymentMode: "banktransfer")
            #expect(throws: ZohoBooksSimulator.OperatorError.self, "Zoho refuses more than the balance") {
                try world.running.zoho.recordPayment([.init(invoiceID: invoice(1).invoiceID, amount: invoice(1).total + 1)])
            }
            try world.running.zoho.recordFullPayment(invoiceID: invoice(2).invoiceID)
            try world.running.salesforce.deleteRecord(id: ids[2])
            try world.running.zoho.voidInvoice(id: invoice(3).invoiceID)
            #expect(throws: ZohoBooksSimulator.OperatorError.self, "Zoho refuses a payment of a void invoice") {
                try world.running.zoho.recordPayment([.init(invoiceID: invoice(3).invoiceID, amount: 1)])
            }
            let foreign = try await world.runtime.zoho.createInvoice(
                ZohoInvoiceDraft(
                    customerId: invoice(0).customerID, referenceNumber: "MANUAL-' OR 1=1", date: CalendarDate(year: 2026, month: 11, day: 25),
                    paymentTermsDays: 30, currencyCode: "EUR",
                    lineItems: [ZohoInvoiceLineDraft(name: "Manual service", description: nil, rate: 5, quantity: 1, unit: "pc")]),
                send: false)
            let foreignPayment = try world.running.zoho.recordFullPayment(invoiceID: foreign.id)

            let report = try await world.runtime.engine.runPass(flows: [.payments])
            #expect(report.flows.first?.stoppedBy == nil)
            let paid = world.running.salesforce.record(id: ids[0]) ?? [:]
            #expect(paid["Payment_Received__c"] == .bool(true))
            #expect(paid["Payment_Amount__c"] == .number(invoice(0).total))
            let overpaid = world.running.salesforce.record(id: ids[1]) ?? [:]
            #expect(overpaid["Payment_Received__c"] != .bool(true) && overpaid["Payment_Amount__c"] == .null)

            let foreignLetters = try await world.openDeadLetters(record: foreignPayment, flow: .payments)
            #expect(foreignLetters.count == 1, "payment of a foreign invoice: one dead letter")
            #expect(foreignLetters.first?.error.field == "invoices[].invoice_id")

            let deletedLetters = try await world.openDeadLetters(record: ids[2], flow: .payments)
            #expect(deletedLetters.count == 1, "payment of a deleted Opportunity: one dead letter, found \(deletedLetters.map(\.error.description))")
            #expect(deletedLetters.first?.error.code == .notFound)
            #expect(deletedLetters.first?.error.recordID == ids[2])
            #expect(!(try await world.journal(record: ids[2])).isEmpty)
        }
    }
}
