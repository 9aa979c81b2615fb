import Foundation
import SalesforceSimulator
import SyncCore
import SyncService
import SyncStore
import Testing

/// A state store that is lost (or replaced by an empty one) against systems where CRMSync already created orders
/// and invoices: the deals whose Opportunity shows the written-back numbers are adopted, not created again, and a
/// new deal of the same Account gets its order and invoice without a second Business Partner or contact.
@Suite(.serialized) struct LostStateStoreTests {
    @Test func emptyStateStore_adoptsWrittenBackDeals_insteadOfCreatingThemAgain() async throws {
        try await EndToEnd.run { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            let deal = SeedDeal.closedWon(in: e2e.seed).first { $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail }!
            let accountID = try #require(e2e.running.salesforce.seedId("account:\(deal.account.key)"))
            let contactID = try #require(e2e.running.salesforce.seedId("contact:\(deal.opportunity.contactRoles[0])"))
            let line = deal.opportunity.lines[0]
            let newDeal = try e2e.running.salesforce.addOpportunity(OpportunityDraft(
                accountId: accountID, name: "Follow-up after the state store was lost", stage: "Closed Won",
                closeDate: "2026-11-30", currency: deal.opportunity.currency,
                lines: [.init(productCode: line.product, quantity: 2, unitPrice: Decimal(string: line.unitPrice)!)],
                contactIds: [contactID]))
            let orders = e2e.running.sap.salesOrderCount()
            let partners = e2e.running.sap.businessPartners().count
            let invoices = e2e.running.zoho.allInvoices().count
            let emails = e2e.running.zoho.sentEmails().count

            let fresh = try await EndToEnd.configuration(for: e2e.running, seed: e2e.seed, extra: [:])
            try await withSyncRuntime(configuration: fresh, logger: EndToEnd.quietLogger) { runtime in
                let plan = try await runtime.engine.runPass(flows: [.orders, .invoices], dryRun: true)
                let creates = plan.flows.flatMap(\.plannedActions).filter {
                    ["ensure_business_partner", "create_sales_order", "ensure_zoho_contact", "create_invoice"].contains($0.operation.kind)
                }
                // Only the new deal, and deals that never got a document (bad input), plan a create.
                let duplicates = creates.filter { action in
                    switch action.operation.kind {
                    case "create_sales_order": !e2e.running.sap.salesOrders(purchaseOrderByCustomer: action.recordID).isEmpty
                    case "create_invoice": !e2e.running.zoho.invoices(referenceNumber: "SF-" + action.recordID).isEmpty
                    default: action.recordID == newDeal
                    }
                }
                #expect(duplicates.isEmpty)
                #expect(creates.filter { $0.recordID == newDeal }.map(\.operation.kind).sorted() == ["create_invoice", "create_sales_order"])

                _ = try await runtime.engine.runPass(flows: [.orders, .invoices])
                let mapping = try await runtime.store.dealMappings([e2e.opportunityID(deal.opportunity.key)]).values.first
                #expect(mapping?.sapSalesOrder == e2e.running.sap.salesOrders(purchaseOrderByCustomer: e2e.opportunityID(deal.opportunity.key)).first?.salesOrder)
            }
            #expect(e2e.running.sap.salesOrderCount() == orders + 1)
            #expect(e2e.running.sap.businessPartners().count == partners)
            #expect(e2e.running.zoho.allInvoices().count == invoices + 1)
            #expect(e2e.running.zoho.sentEmails().count == emails + 1)
            for deal in SeedDeal.closedWon(in: e2e.seed) {
                let id = e2e.opportunityID(deal.opportunity.key)
                #expect(e2e.running.sap.salesOrderCount(purchaseOrderByCustomer: id) <= 1, "deal \(deal.opportunity.key)")
                #expect(e2e.running.zoho.invoices(referenceNumber: "SF-" + id).count <= 1, "deal \(deal.opportunity.key)")
            }
        }
    }
}
