import SyncCore

/// What kind of difference the drift report found between Salesforce, SAP S/4HANA, Zoho Books and the state store.
///
/// Each kind says whether `crm-sync reconcile --full` repairs it (``DriftRepair/automatic``) or people must
/// (``DriftRepair/reason``); see ``DriftDetector`` for how each is found.
public enum DriftKind: String, Sendable, Hashable, Codable, CaseIterable, CodingKeyRepresentable {
    /// A Closed Won Opportunity without an SAP Sales Order (none mapped, none with its Id as
    /// `PurchaseOrderByCustomer`). Repaired by `createSalesOrder`, or manual when the deal is bad input.
    case salesOrderMissing = "sales_order_missing"
    /// A Closed Won Opportunity without a Zoho invoice (none mapped, none with `reference_number` `SF-<Id>`).
    /// Repaired by `createInvoice`, or manual when the deal is bad input.
    case invoiceMissing = "invoice_missing"
    /// `SAP_Order_Number__c` names no Sales Order in SAP or not the deal's: repaired by `writeBackDeal`; manual when
    /// the deal's Sales Order itself no longer exists in SAP.
    case salesOrderNumberWrong = "sales_order_number_wrong"
    /// `Zoho_Invoice_Number__c` names no invoice in Zoho Books or not the deal's: repaired by `writeBackDeal`;
    /// manual when the deal's invoice itself no longer exists.
    case invoiceNumberWrong = "invoice_number_wrong"
    /// The Opportunity `Amount` differs from the Sales Order's `TotalNetAmount` or the invoice `total`. Manual.
    case amountDiffers = "amount_differs"
    /// The OpportunityLineItems (ProductCode and Quantity) differ from the Sales Order items. Manual.
    case lineItemsDiffer = "line_items_differ"
    /// The Opportunity currency differs from the Sales Order's `TransactionCurrency` or the invoice `currency_code`.
    /// Manual.
    case currencyDiffers = "currency_differs"
    /// Product2 `Available_Stock__c` / `Low_Stock_Alert__c` differ from SAP's unrestricted stock: repaired by
    /// `updateProductStock`.
    case stockDiffers = "stock_differs"
    /// Zoho Books shows more paid on the deal's invoice than the Opportunity's `Payment_*__c` fields: repaired by
    /// `writeBackPayment`.
    case paymentNotOnOpportunity = "payment_not_on_opportunity"
    /// The Opportunity shows more paid than Zoho Books (a payment deleted in Zoho, or entered by hand). Manual.
    case paymentNotInZoho = "payment_not_in_zoho"
    /// An Opportunity that is no longer Closed Won still has a Sales Order or invoice. Manual.
    case dealNoLongerWon = "deal_no_longer_won"
    /// A deleted Opportunity still has a Sales Order or invoice. Manual.
    case dealDeleted = "deal_deleted"
    /// The deal's invoice was voided in Zoho Books. Manual.
    case invoiceVoided = "invoice_voided"

    /// A short phrase for people, e.g. "Sales Order missing".
    public var label: String {
        switch self {
        case .salesOrderMissing: "Closed Won deal without SAP Sales Order"
        case .invoiceMissing: "Closed Won deal without Zoho invoice"
        case .salesOrderNumberWrong: "SAP order number on the Opportunity is wrong"
        case .invoiceNumberWrong: "Zoho invoice number on the Opportunity is wrong"
        case .amountDiffers: "amount differs"
        case .lineItemsDiffer: "line items differ"
        case .currencyDiffers: "currency differs"
        case .stockDiffers: "Product2 stock differs from SAP"
        case .paymentNotOnOpportunity: "Zoho payment not on the Opportunity"
        case .paymentNotInZoho: "Opportunity payment not in Zoho"
        case .dealNoLongerWon: "deal no longer Closed Won still has order or invoice"
        case .dealDeleted: "deleted deal still has order or invoice"
        case .invoiceVoided: "invoice voided"
        }
    }
}
