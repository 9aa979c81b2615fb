import Foundation
import SalesforceSimulator
import SyncCore
import SyncService
import Testing
import ZohoBooksSimulator

/// Every drift kind, created through the simulators' operator API after a normal sync, found by the detector the
/// `drift` command runs, then `reconcile --full`: the automatic kinds are repaired, the manual ones still reported.
@Suite(.serialized) struct DriftScenarioTests {
    /// A synced deal with its SAP order and Zoho invoice as the simulators hold them.
    struct Synced {
        let key: String
        let id: String
        let order: String
        let invoiceID: String
        let invoiceNumber: String
        let invoiceTotal: Decimal
        let currency: String
    }

    func synced(_ h: DriftHarness) -> [Synced] {
        SeedDeal.closedWon(in: h.seed).compactMap { deal in
            let id = h.running.salesforce.seedId("opportunity:\(deal.opportunity.key)")!
            guard let order = h.running.sap.salesOrders(purchaseOrderByCustomer: id).first,
                  let invoice = h.running.zoho.invoices(referenceNumber: "SF-" + id).first else { return nil }
            return Synced(key: deal.opportunity.key, id: id, order: order.salesOrder, invoiceID: invoice.invoiceID,
                          invoiceNumber: invoice.invoiceNumber, invoiceTotal: invoice.total, currency: invoice.currencyCode)
        }
    }

    @Test func everyKind_isFound_thenFullReconcileRepairsTheAutomaticOnes() async throws {
        try await DriftHarness.run(seed: DriftHarness.cleanSeed) { h in
            try await h.sync()
            let deals = synced(h)
            try #require(deals.count >= 11)
            let sf = h.running.salesforce, sap = h.running.sap, zoho = h.running.zoho

            // Payment recorded, synced, then deleted in Zoho: the Opportunity shows more than Zoho (manual).
            let paidThenDeleted = deals[9]
            let deletedPayment = try zoho.recordFullPayment(invoiceID: paidThenDeleted.invoiceID, paymentMode: "banktransfer")
            // Payment recorded and synced, then the Opportunity's amount edited by hand (manual: CRMSync does not
            // write a payment it handled again).
            let handEdited = deals[10]
            try zoho.recordFullPayment(invoiceID: handEdited.invoiceID, paymentMode: "cash")
            try await h.sync()
            try zoho.deletePayment(id: deletedPayment)
            try sf.updateRecord(id: handEdited.id, fields: ["Payment_Amount__c": .number(1)])

            // A deal closed after the sync: no order, no invoice yet (automatic).
            let template = SeedDeal.closedWon(in: h.seed).first { $0.opportunity.key == deals[0].key }!
            let product = h.seed.products.first { !$0.stock.isEmpty }!
            let newDeal = try sf.addOpportunity(OpportunityDraft(
                accountId: sf.seedId("account:\(template.account.key)")!, name: "Drift test, \"new\" deal",
                stage: "Closed Won", closeDate: "2026-11-30", currency: "EUR",
                lines: [.init(productCode: product.code, quantity: 3, unitPrice: Decimal(string: "12.5")!)],
                contactIds: template.opportunity.contactRoles.map { sf.seedId("contact:\($0)")! }))
            // Numbers edited by hand on the Opportunity (automatic).
            let edited = deals[1]
            try sf.updateRecord(id: edited.id, fields: [
                "SAP_Order_Number__c": .string("9999999"), "Zoho_Invoice_Number__c": .string("INV-999999"),
            ])
            // The Sales Order deleted in SAP (manual).
            let orderDeleted = deals[2]
            #expect(sap.deleteSalesOrder(orderDeleted.order))
            // A line's quantity changed after the sync: lines and amounts differ (manual).
            let changed = deals[3]
            let line = try await h.opportunity(changed.id).lineItems[0]
            let oldQuantity = line.quantity!
            try sf.updateRecord(id: line.id, fields: ["Quantity": .number(oldQuantity + 5)])
            let newAmount = try #require(sf.record(id: changed.id)?["Amount"].flatMap { if case .number(let n) = $0 { n } else { nil } })
            // The currency changed after the sync (manual).
            let recurrencied = deals[4]
            let otherCurrency = recurrencied.currency == "USD" ? "GBP" : "USD"
            try sf.updateRecord(id: recurrencied.id, fields: ["CurrencyIsoCode": .string(otherCurrency)])
            // Reopened, deleted, voided (manual).
            let reopened = deals[5]
            try sf.reopenOpportunity(id: reopened.id)
            let deleted = deals[6]
            try sf.deleteRecord(id: deleted.id)
            let voided = deals[7]
            try zoho.voidInvoice(id: voided.invoiceID)
            // A partial payment not synced yet (automatic).
            let paid = deals[8]
            let payment = try zoho.recordPayment([.init(invoiceID: paid.invoiceID, amount: 100)], paymentMode: "banktransfer", date: "2026-11-30")
            // Stock moved in SAP (automatic).
            let stocked = h.seed.products.first { $0.stock.count == 1 }!
            let product2 = sf.seedId("product:\(stocked.code)")!
            sap.setStock(material: stocked.code, plant: stocked.stock[0].plant, storageLocation: stocked.stock[0].storageLocation, quantity: 3)

            let report = try await h.drift()
            func item(_ kind: DriftKind, _ id: String, field: String? = nil) -> DriftItem? {
                report.items.first { $0.kind == kind && ($0.records.opportunityID == id || $0.records.product2ID == id) && (field == nil || $0.field == field) }
            }
            let expected: [(DriftKind, String)] = [
                (.salesOrderMissing, newDeal), (.invoiceMissing, newDeal), (.salesOrderNumberWrong, edited.id),
                (.invoiceNumberWrong, edited.id), (.salesOrderNumberWrong, orderDeleted.id), (.lineItemsDiffer, changed.id),
                (.amountDiffers, changed.id), (.amountDiffers, changed.id), (.currencyDiffers, recurrencied.id),
                (.currencyDiffers, recurrencied.id), (.dealNoLongerWon, reopened.id), (.dealDeleted, deleted.id),
                (.invoiceVoided, voided.id), (.paymentNotOnOpportunity, paid.id), (.paymentNotInZoho, paidThenDeleted.id),
                (.paymentNotOnOpportunity, handEdited.id),
                (.stockDiffers, product2),
            ]
            #expect(report.items.map { "\($0.kind.rawValue) \($0.records.opportunityID ?? $0.records.product2ID ?? "-")" }.sorted()
                    == expected.map { "\($0.0.rawValue) \($0.1)" }.sorted())
            #expect(Set(DriftKind.allCases) == Set(expected.map(\.0)))

            let missingOrder = try #require(item(.salesOrderMissing, newDeal))
            #expect(missingOrder.repair.operation?.kind == "create_sales_order")
            #expect(missingOrder.records.opportunityName == "Drift test, \"new\" deal")
            #expect(item(.invoiceMissing, newDeal)?.repair.operation?.kind == "create_invoice")

            let wrongOrder = try #require(item(.salesOrderNumberWrong, edited.id))
            #expect(wrongOrder.value(.salesforce)?.text == "9999999")
            #expect(wrongOrder.value(.sap)?.text == edited.order)
            #expect(wrongOrder.repair.operation == .writeBackDeal(opportunityID: edited.id))
            let wrongInvoice = try #require(item(.invoiceNumberWrong, edited.id))
            #expect(wrongInvoice.value(.salesforce)?.text == "INV-999999")
            #expect(wrongInvoice.value(.zohoBooks)?.text == edited.invoiceNumber)
            #expect(wrongInvoice.records.invoiceID == edited.invoiceID)

            let gone = try #require(item(.salesOrderNumberWrong, orderDeleted.id))
            #expect(gone.records.salesOrder == orderDeleted.order)
            #expect(gone.value(.sap)?.text == nil && gone.value(.stateStore)?.text == orderDeleted.order)
            #expect(!gone.repair.automatic)

            let lines = try #require(item(.lineItemsDiffer, changed.id))
            #expect(lines.value(.salesforce)?.text?.contains("x \(oldQuantity + 5)") == true)
            #expect(lines.value(.sap)?.text?.contains("x \(oldQuantity)") == true)
            let sapAmount = try #require(item(.amountDiffers, changed.id, field: "SalesOrder.TotalNetAmount"))
            #expect(sapAmount.value(.salesforce)?.money == Money(newAmount, changed.currency))
            #expect(sapAmount.records.salesOrder == changed.order)
            let zohoAmount = try #require(item(.amountDiffers, changed.id, field: "invoice.total"))
            #expect(zohoAmount.value(.zohoBooks)?.money == Money(changed.invoiceTotal, changed.currency))

            let currency = try #require(item(.currencyDiffers, recurrencied.id, field: "SalesOrder.TransactionCurrency"))
            #expect(currency.value(.salesforce)?.text == otherCurrency && currency.value(.sap)?.text == recurrencied.currency)

            let lost = try #require(item(.dealNoLongerWon, reopened.id))
            #expect(lost.value(.salesforce)?.text == "Negotiation/Review")
            #expect(lost.records.salesOrder == reopened.order && lost.records.invoiceNumber == reopened.invoiceNumber)
            let removed = try #require(item(.dealDeleted, deleted.id))
            #expect(removed.records.salesOrder == deleted.order && removed.records.invoiceID == deleted.invoiceID)
            #expect(item(.invoiceVoided, voided.id)?.records.invoiceNumber == voided.invoiceNumber)

            let unpaid = try #require(item(.paymentNotOnOpportunity, paid.id))
            #expect(unpaid.value(.zohoBooks)?.money == Money(100, paid.currency))
            #expect(unpaid.value(.salesforce)?.money == Money(0, paid.currency))
            #expect(unpaid.records.customerPaymentIDs == [payment])
            #expect(unpaid.repair.automatic)
            let byHand = try #require(item(.paymentNotOnOpportunity, handEdited.id))
            #expect(byHand.value(.zohoBooks)?.money == Money(handEdited.invoiceTotal, handEdited.currency))
            #expect(byHand.value(.salesforce)?.money == Money(1, handEdited.currency))
            #expect(!byHand.repair.automatic)
            let reverse = try #require(item(.paymentNotInZoho, paidThenDeleted.id))
            #expect(reverse.value(.salesforce)?.money == Money(paidThenDeleted.invoiceTotal, paidThenDeleted.currency))
            #expect(reverse.value(.zohoBooks)?.money == Money(0, paidThenDeleted.currency))
            #expect(reverse.records.customerPaymentIDs.isEmpty)

            let stock = try #require(item(.stockDiffers, product2))
            #expect(stock.records.material == stocked.code)
            #expect(stock.value(.sap)?.quantity == Quantity(3, stocked.baseUnit))
            #expect(stock.value(.salesforce)?.quantity == Quantity(Decimal(string: stocked.stock[0].quantity)!, stocked.baseUnit))

            let automatic = Set(report.automaticallyRepairable.map(\.kind))
            #expect(automatic == [.salesOrderMissing, .invoiceMissing, .salesOrderNumberWrong, .invoiceNumberWrong,
                                  .paymentNotOnOpportunity, .stockDiffers])

            // reconcile --full, then drift again: the automatic repairs are done, every manual item is still there.
            try await h.reconcileFull()
            let after = try await h.drift()
            #expect(after.items.map { "\($0.kind.rawValue) \($0.records.opportunityID ?? $0.records.product2ID ?? "-")" }.sorted()
                    == report.items.filter { !$0.repair.automatic }.map { "\($0.kind.rawValue) \($0.records.opportunityID ?? $0.records.product2ID ?? "-")" }.sorted())
            #expect(sap.salesOrderCount(purchaseOrderByCustomer: newDeal) == 1)
            #expect(zoho.invoices(referenceNumber: "SF-" + newDeal).count == 1)
            #expect(sap.salesOrderCount(purchaseOrderByCustomer: orderDeleted.id) == 0)
            #expect(sf.record(id: edited.id)?["SAP_Order_Number__c"] == .string(edited.order))
            #expect(sf.record(id: edited.id)?["Zoho_Invoice_Number__c"] == .string(edited.invoiceNumber))
            #expect(sf.record(id: paid.id)?["Payment_Amount__c"] == .number(100))
            #expect(sf.record(id: product2)?["Available_Stock__c"] == .number(3))
        }
    }
}
