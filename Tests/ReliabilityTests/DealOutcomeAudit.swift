import Foundation
import SalesforceSimulator
import Simulators

/// Checks, through the simulators' operator state (never through CRMSync), that every tracked deal went through
/// exactly once: one SAP Sales Order (`PurchaseOrderByCustomer` = Opportunity Id) with the entered net amount, one
/// Zoho invoice (`reference_number` = `SF-` + Id) with the entered total, emailed exactly once, one Business Partner
/// and one Zoho contact per Account, and both numbers and `Sync_Status__c` = Synced written back.
///
/// Returns one line per problem; empty when all is well.
enum DealOutcomeAudit {
    static func problems(_ deals: [TrackedDeal], in running: RunningSimulators) -> [String] {
        let orders = Dictionary(grouping: running.sap.salesOrders(), by: \.purchaseOrderByCustomer)
        let invoices = Dictionary(grouping: running.zoho.allInvoices(), by: \.referenceNumber)
        let emails = Dictionary(grouping: running.zoho.sentEmails(), by: \.invoiceID)
        let partners = Dictionary(grouping: running.sap.businessPartners(), by: \.businessPartnerIDByExtSystem)
        var problems: [String] = []
        var customers: [String: Set<String>] = [:]
        for deal in deals {
            let id = deal.opportunityID
            let dealOrders = orders[id] ?? []
            let dealInvoices = invoices["SF-" + id] ?? []
            if dealOrders.count != 1 { problems.append("\(id): \(dealOrders.count) SAP Sales Orders") }
            if dealInvoices.count != 1 { problems.append("\(id): \(dealInvoices.count) Zoho invoices") }
            if let order = dealOrders.first, order.totalNetAmount != deal.total {
                problems.append("\(id): Sales Order \(order.salesOrder) TotalNetAmount \(order.totalNetAmount), entered \(deal.total)")
            }
            if let invoice = dealInvoices.first {
                customers[deal.accountID, default: []].insert(invoice.customerID)
                if invoice.total != deal.total {
                    problems.append("\(id): invoice \(invoice.invoiceNumber) total \(invoice.total), entered \(deal.total)")
                }
                let sent = emails[invoice.invoiceID]?.count ?? 0
                if sent != 1 { problems.append("\(id): invoice \(invoice.invoiceNumber) emailed \(sent) times") }
            }
            let record = running.salesforce.record(id: id) ?? [:]
            if record["SAP_Order_Number__c"] != dealOrders.first.map({ FieldValue.string($0.salesOrder) }) {
                problems.append("\(id): SAP_Order_Number__c is \(String(describing: record["SAP_Order_Number__c"]))")
            }
            if record["Zoho_Invoice_Number__c"] != dealInvoices.first.map({ FieldValue.string($0.invoiceNumber) }) {
                problems.append("\(id): Zoho_Invoice_Number__c is \(String(describing: record["Zoho_Invoice_Number__c"]))")
            }
            if record["Sync_Status__c"] != .string("Synced") {
                problems.append("\(id): Sync_Status__c is \(String(describing: record["Sync_Status__c"]))")
            }
        }
        for account in Set(deals.map(\.accountID)) {
            let count = partners[account.uppercased()]?.count ?? 0
            if count != 1 { problems.append("Account \(account): \(count) SAP Business Partners") }
            if let ids = customers[account], ids.count != 1 { problems.append("Account \(account): \(ids.count) Zoho contacts invoiced") }
        }
        return problems
    }

    /// Prints at most `limit` problems and returns a one-line summary for `#expect`.
    static func summary(_ problems: [String], limit: Int = 20) -> String {
        problems.prefix(limit).joined(separator: "\n") + (problems.count > limit ? "\n… \(problems.count - limit) more" : "")
    }
}
