/// The four flows CRMSync runs.
public enum SyncFlow: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// Closed Won Opportunity -> SAP Business Partner + Sales Order; order number written back.
    case orders
    /// Closed Won Opportunity -> Zoho contact + invoice, emailed; invoice number written back.
    case invoices
    /// SAP stock (A_MatlStkInAcctMod) -> Product2 `Available_Stock__c` / `Low_Stock_Alert__c`.
    case stock
    /// Zoho customer payment -> Opportunity `Payment_*__c`.
    case payments

    /// The watermark stream the flow reads.
    public var stream: String {
        switch self {
        case .orders: "salesforce.opportunity.orders"
        case .invoices: "salesforce.opportunity.invoices"
        case .stock: "sap.product"
        case .payments: "zoho.customerpayment"
        }
    }

    /// True for the two flows driven by Closed Won Opportunities.
    public var isDealFlow: Bool { self == .orders || self == .invoices }

    public static func < (lhs: SyncFlow, rhs: SyncFlow) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
