import Foundation
import SyncCore

extension DriftScan {
    /// Checks a batch of deal mappings whose Opportunity was not read as Closed Won: each still holding a Sales
    /// Order or an invoice that is not void is read by Id through `queryAll`; deleted ones (or ones Salesforce no
    /// longer returns at all) and ones no longer Closed Won are drift.
    func checkFormerDeals(_ mappings: [DealMapping]) async throws {
        let candidates = mappings.filter { deal in
            !wonSeen.contains(deal.opportunityID) && (liveOrder(deal) != nil || liveInvoice(deal) != nil)
        }
        guard !candidates.isEmpty else { return }
        let collector = OpportunityCollector()
        let query = OpportunityQuery(
            field: detector.configuration.modstampField, onlyWon: false, includeDeleted: true,
            ids: candidates.map(\.opportunityID))
        try await detector.salesforce.forEachOpportunityPage(query) { page in await collector.add(page) }
        let found = await collector.byID
        for deal in candidates {
            let opportunity = found[deal.opportunityID]
            if let opportunity, opportunity.isWon, !opportunity.isDeleted { continue }  // won again during the scan
            let order = liveOrder(deal)
            let invoice = liveInvoice(deal)
            let records = DriftRecords(
                opportunityID: deal.opportunityID, opportunityName: opportunity?.name, salesOrder: order,
                invoiceID: invoice?.id, invoiceNumber: invoice?.number)
            let holds = [order.map { "Sales Order \($0)" }, invoice.map { "invoice \($0.number)" }].compactMap { $0 }
                .joined(separator: " and ")
            let values: [DriftValue] = [
                .text(.salesforce, opportunity.map { $0.isDeleted ? "deleted" : $0.stageName } ?? "deleted"),
                .text(.sap, order), .text(.zohoBooks, invoice?.number),
            ]
            if let opportunity, !opportunity.isDeleted {
                add(.dealNoLongerWon, records, field: "Opportunity.StageName", values, .manual(
                    "The Opportunity is now '\(opportunity.stageName)' but \(holds) still exist. CRMSync never cancels orders or voids invoices: if the deal is lost, reject the order in SAP and void the invoice in Zoho; if it was reopened by mistake, set it back to Closed Won."))
            } else {
                add(.dealDeleted, records, field: "Opportunity.IsDeleted", values, .manual(
                    "The Opportunity was deleted but \(holds) still exist. CRMSync never cancels orders or voids invoices: restore the Opportunity from the recycle bin, or reject the order in SAP and void the invoice in Zoho."))
            }
        }
    }

    /// The mapped Sales Order when SAP still has it (and orders are compared).
    func liveOrder(_ deal: DealMapping) -> String? {
        guard flows.contains(.orders), let number = deal.sapSalesOrder, orders.exists(number) else { return nil }
        return number
    }

    /// The mapped invoice when Zoho still has it and it is not void (and invoices are compared).
    func liveInvoice(_ deal: DealMapping) -> ZohoInvoice? {
        guard flows.contains(.invoices), let id = deal.zohoInvoiceID, let invoice = invoices.byID[id],
              invoice.status != .void else { return nil }
        return invoice
    }
}

/// Collects the Opportunities of an Id query across pages.
actor OpportunityCollector {
    var byID: [String: Opportunity] = [:]

    func add(_ page: [Opportunity]) {
        for opportunity in page { byID[opportunity.id] = opportunity }
    }
}
