import SyncCore

/// One difference the drift report found: its kind, the records involved in each system, the field, the values on
/// each side and how it is repaired.
public struct DriftItem: Sendable, Hashable, Codable {
    /// The kind of difference.
    public var kind: DriftKind
    /// The records involved, in each system.
    public var records: DriftRecords
    /// The field that differs, named as its system names it (e.g. `Opportunity.Amount`,
    /// `Product2.Available_Stock__c`); `nil` when a whole record is missing.
    public var field: String?
    /// The value on each side (Salesforce, SAP, Zoho Books, the state store's mapping).
    public var values: [DriftValue]
    /// How it is repaired.
    public var repair: DriftRepair

    public init(kind: DriftKind, records: DriftRecords, field: String?, values: [DriftValue], repair: DriftRepair) {
        self.kind = kind
        self.records = records
        self.field = field
        self.values = values
        self.repair = repair
    }

    /// The value `system` holds, if the item names one.
    public func value(_ system: SyncSystem) -> DriftValue? {
        values.first { $0.system == system }
    }
}

/// The records a drift item involves; members that do not apply are `nil` (or empty).
public struct DriftRecords: Sendable, Hashable, Codable {
    /// The 18-character Opportunity Id.
    public var opportunityID: String?
    /// The Opportunity `Name`.
    public var opportunityName: String?
    /// The SAP `SalesOrder` number.
    public var salesOrder: String?
    /// The Zoho `invoice_id`.
    public var invoiceID: String?
    /// The Zoho `invoice_number`.
    public var invoiceNumber: String?
    /// The 18-character Product2 Id.
    public var product2ID: String?
    /// The SAP Material (Product2 `ProductCode`).
    public var material: String?
    /// The Zoho customer payment ids (`payment_id`) applied to the invoice.
    public var customerPaymentIDs: [String]

    public init(
        opportunityID: String? = nil, opportunityName: String? = nil, salesOrder: String? = nil,
        invoiceID: String? = nil, invoiceNumber: String? = nil, product2ID: String? = nil, material: String? = nil,
        customerPaymentIDs: [String] = []
    ) {
        self.opportunityID = opportunityID
        self.opportunityName = opportunityName
        self.salesOrder = salesOrder
        self.invoiceID = invoiceID
        self.invoiceNumber = invoiceNumber
        self.product2ID = product2ID
        self.material = material
        self.customerPaymentIDs = customerPaymentIDs
    }
}
