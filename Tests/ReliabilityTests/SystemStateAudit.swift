import Foundation
import SalesforceSimulator
import Simulators

/// Checks the stock and payment flows through the simulators' operator state: every Product2 shows its SAP stock
/// (unrestricted use, summed over plants and storage locations) in `Available_Stock__c` with `Low_Stock_Alert__c`
/// below 10 units; every tracked deal whose Zoho invoice received payments shows `Payment_Amount__c` = invoice
/// total − balance, `Payment_Received__c` = (balance is zero) and a `Payment_Date__c`; unpaid deals show none.
enum SystemStateAudit {
    static let plants = ["1010", "1710"]

    static func stockProblems(products: Int, in running: RunningSimulators) -> [String] {
        (1...products).compactMap { index -> String? in
            let code = ReliabilityDataset.productCode(index)
            guard let id = running.salesforce.seedId("product:\(code)") else { return "\(code): no Product2" }
            let sap = plants.reduce(Decimal(0)) { $0 + running.sap.stockQuantity(material: code, plant: $1) }
            let record = running.salesforce.record(id: id) ?? [:]
            guard record["Available_Stock__c"] == .number(sap), record["Low_Stock_Alert__c"] == .bool(sap < 10) else {
                return "\(code): Product2 shows \(String(describing: record["Available_Stock__c"])) / "
                    + "\(String(describing: record["Low_Stock_Alert__c"])), SAP has \(sap)"
            }
            return nil
        }
    }

    static func paymentProblems(_ deals: [TrackedDeal], in running: RunningSimulators) -> [String] {
        let invoices = Dictionary(grouping: running.zoho.allInvoices(), by: \.referenceNumber)
        return deals.compactMap { deal -> String? in
            guard let invoice = invoices["SF-" + deal.opportunityID]?.first else { return nil }
            let record = running.salesforce.record(id: deal.opportunityID) ?? [:]
            let received = invoice.total - invoice.balance
            if received == 0 {
                let shown = record["Payment_Amount__c"]
                return shown == nil || shown == .null ? nil : "\(deal.opportunityID): unpaid but shows \(String(describing: shown))"
            }
            let date = record["Payment_Date__c"]
            guard record["Payment_Amount__c"] == .number(received), record["Payment_Received__c"] == .bool(invoice.balance == 0),
                date != nil, date != .null
            else {
                return "\(deal.opportunityID): invoice \(invoice.invoiceNumber) received \(received) of \(invoice.total); "
                    + "Opportunity shows \(String(describing: record["Payment_Amount__c"])) / "
                    + "\(String(describing: record["Payment_Received__c"])) / \(String(describing: date))"
            }
            return nil
        }
    }
}
