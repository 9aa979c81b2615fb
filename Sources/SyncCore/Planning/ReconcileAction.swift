import Foundation

/// One idempotent step a planner asks the engine to take.
///
/// The `idempotencyKey` is deterministic from the source record (and, where a record can need the same step again
/// later, from the version of the record), so re-planning the same observation yields the same key and the
/// journal tells whether the step was already applied or left with an unknown outcome.
public struct ReconcileAction: Sendable, Hashable, Codable {
    /// Deterministic key, e.g. `"orders/sales-order/006Aa00000AbCdEIAV"`.
    public var idempotencyKey: String
    /// The flow that planned it.
    public var flow: SyncFlow
    /// The source record that asked for the step: the Opportunity Id for deal steps (also for the Account's Business
    /// Partner and contact), the Product2 Id for stock, the payment id for payments. Retrying a dead letter re-reads
    /// this record and plans it again.
    public var recordID: String
    /// What to do.
    public var operation: ReconcileOperation
    /// The version of the source record the action was planned from (for deal steps the Opportunity's
    /// `LastModifiedDate`, UTC), when the engine tracks it: a dead letter holding an equal action is a failure of
    /// this very version, so it is not tried again until the record changes. `nil` when not tracked.
    public var recordVersion: Date?

    public init(idempotencyKey: String, flow: SyncFlow, recordID: String, operation: ReconcileOperation, recordVersion: Date? = nil) {
        self.idempotencyKey = idempotencyKey
        self.flow = flow
        self.recordID = recordID
        self.operation = operation
        self.recordVersion = recordVersion
    }

    /// The same action stamped with the source record's version.
    public func versioned(_ version: Date) -> ReconcileAction {
        var action = self
        action.recordVersion = version
        return action
    }
}

/// The operations the engine knows how to apply.
public enum ReconcileOperation: Sendable, Hashable, Codable {
    /// Find (by `BusinessPartnerIDByExtSystem`) or create the SAP Business Partner for an Account.
    case ensureBusinessPartner(BusinessPartnerDraft)
    /// Find (by `PurchaseOrderByCustomer`) or create the Sales Order; `soldToParty` is taken from the Account's
    /// mapping when applied.
    case createSalesOrder(accountID: String, draft: SalesOrderDraft)
    /// Find (by exact name) or create the Zoho contact for an Account.
    case ensureZohoContact(accountID: String, draft: ZohoContactDraft)
    /// Find (by `reference_number`) or create the Zoho invoice; `customerId` is taken from the Account's mapping.
    /// With `send` Zoho emails it on creation.
    case createInvoice(accountID: String, draft: ZohoInvoiceDraft, send: Bool)
    /// Email an existing invoice once.
    case emailInvoice(opportunityID: String, recipients: [String])
    /// Write `SAP_Order_Number__c`, `Zoho_Invoice_Number__c`, `Sync_Status__c`, `Last_Sync_Date__c` from the
    /// deal's mapping (batched, 200 per call).
    case writeBackDeal(opportunityID: String)
    /// Write the payment fields onto an Opportunity (batched).
    case writeBackPayment(OpportunityWriteBack)
    /// Write stock onto a Product2 (batched); `becameLow` asks for a low-stock alert.
    case updateProductStock(Product2StockUpdate, material: String, becameLow: Bool)
    /// The source record is bad input: journal it, keep it as a dead letter, alert once.
    case rejectRecord(SyncError)

    /// The system the operation writes to.
    public var targetSystem: SyncSystem {
        switch self {
        case .ensureBusinessPartner, .createSalesOrder: .sap
        case .ensureZohoContact, .createInvoice, .emailInvoice: .zohoBooks
        case .writeBackDeal, .writeBackPayment, .updateProductStock: .salesforce
        case .rejectRecord(let error): error.system
        }
    }

    /// A short stable name for journals and metrics.
    public var kind: String {
        switch self {
        case .ensureBusinessPartner: "ensure_business_partner"
        case .createSalesOrder: "create_sales_order"
        case .ensureZohoContact: "ensure_zoho_contact"
        case .createInvoice: "create_invoice"
        case .emailInvoice: "email_invoice"
        case .writeBackDeal: "write_back_deal"
        case .writeBackPayment: "write_back_payment"
        case .updateProductStock: "update_product_stock"
        case .rejectRecord: "reject_record"
        }
    }

    /// True for creates that happen once per idempotency key (a Business Partner per Account, an order, invoice or
    /// email per Opportunity); writes that set fields may repeat under one key and are not.
    public var isOncePerKey: Bool {
        switch self {
        case .ensureBusinessPartner, .createSalesOrder, .ensureZohoContact, .createInvoice, .emailInvoice: true
        default: false
        }
    }

    /// True for operations sent in batches through sObject Collections.
    public var isSalesforceWrite: Bool {
        switch self {
        case .writeBackDeal, .writeBackPayment, .updateProductStock: true
        default: false
        }
    }
}

/// Builders of idempotency keys, one per operation, so every planner spells them the same way.
public enum IdempotencyKey {
    public static func businessPartner(account: String) -> String { "orders/business-partner/\(account)" }
    public static func salesOrder(opportunity: String) -> String { "orders/sales-order/\(opportunity)" }
    public static func zohoContact(account: String) -> String { "invoices/contact/\(account)" }
    public static func invoice(opportunity: String) -> String { "invoices/invoice/\(opportunity)" }
    public static func invoiceEmail(opportunity: String) -> String { "invoices/email/\(opportunity)" }
    public static func dealWriteBack(opportunity: String) -> String { "deals/write-back/\(opportunity)" }
    public static func payment(payment: String, invoice: String, version: Date) -> String {
        "payments/\(payment)/\(invoice)/\(Int64((version.timeIntervalSince1970 * 1000).rounded()))"
    }
    public static func stock(product2: String, quantity: Decimal, low: Bool) -> String {
        "stock/\(product2)/\(quantity)/\(low)"
    }
    public static func reject(flow: SyncFlow, record: String) -> String { "\(flow.rawValue)/reject/\(record)" }
}
