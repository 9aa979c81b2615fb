import Foundation

/// What CRMSync knows about one Salesforce Account: its SAP Business Partner and Zoho contact.
public struct AccountMapping: Sendable, Hashable, Codable {
    /// The 18-character Salesforce Account Id.
    public var accountID: String
    /// SAP `BusinessPartner` number.
    public var sapBusinessPartner: String?
    /// SAP `Customer` number (the sold-to party).
    public var sapCustomer: String?
    /// Zoho `contact_id`.
    public var zohoContactID: String?
    /// The Zoho contact's primary email, when it has one.
    public var zohoContactEmail: String?

    public init(
        accountID: String, sapBusinessPartner: String? = nil, sapCustomer: String? = nil,
        zohoContactID: String? = nil, zohoContactEmail: String? = nil
    ) {
        self.accountID = accountID
        self.sapBusinessPartner = sapBusinessPartner
        self.sapCustomer = sapCustomer
        self.zohoContactID = zohoContactID
        self.zohoContactEmail = zohoContactEmail
    }
}

/// What CRMSync knows about one Opportunity: its SAP Sales Order and Zoho invoice.
public struct DealMapping: Sendable, Hashable, Codable {
    /// The 18-character Opportunity Id.
    public var opportunityID: String
    /// SAP `SalesOrder` number.
    public var sapSalesOrder: String?
    /// Zoho `invoice_id`.
    public var zohoInvoiceID: String?
    /// Zoho `invoice_number`.
    public var zohoInvoiceNumber: String?
    /// Whether the invoice was emailed to the customer (exactly once).
    public var invoiceEmailed: Bool
    /// The Opportunity's currency as synced (ISO 4217).
    public var currency: String?

    public init(
        opportunityID: String, sapSalesOrder: String? = nil, zohoInvoiceID: String? = nil,
        zohoInvoiceNumber: String? = nil, invoiceEmailed: Bool = false, currency: String? = nil
    ) {
        self.opportunityID = opportunityID
        self.sapSalesOrder = sapSalesOrder
        self.zohoInvoiceID = zohoInvoiceID
        self.zohoInvoiceNumber = zohoInvoiceNumber
        self.invoiceEmailed = invoiceEmailed
        self.currency = currency
    }

    /// True when the Opportunity's fields already show this mapping's order number, invoice number and status.
    public func isShown(on fields: OpportunitySyncFields) -> Bool {
        fields.sapOrderNumber == sapSalesOrder && fields.zohoInvoiceNumber == zohoInvoiceNumber
            && fields.syncStatus == syncStatus
    }

    /// `Sync_Status__c` for this mapping: Synced with both, Partial with one, Failed with none.
    public var syncStatus: SyncStatus {
        switch (sapSalesOrder != nil, zohoInvoiceNumber != nil) {
        case (true, true): .synced
        case (false, false): .failed
        default: .partial
        }
    }
}

/// What CRMSync last wrote onto one Product2.
public struct ProductMapping: Sendable, Hashable, Codable {
    /// The 18-character Product2 Id.
    public var product2ID: String
    /// SAP Material (`Product2.ProductCode`).
    public var material: String
    /// `Available_Stock__c` as last written, in the material's base unit of measure.
    public var lastWrittenStock: Decimal?
    /// `Low_Stock_Alert__c` as last written.
    public var lastWrittenLowStock: Bool?
    /// When it was written (UTC).
    public var lastWrittenAt: Date?

    public init(product2ID: String, material: String, lastWrittenStock: Decimal?, lastWrittenLowStock: Bool?, lastWrittenAt: Date?) {
        self.product2ID = product2ID
        self.material = material
        self.lastWrittenStock = lastWrittenStock
        self.lastWrittenLowStock = lastWrittenLowStock
        self.lastWrittenAt = lastWrittenAt
    }
}
