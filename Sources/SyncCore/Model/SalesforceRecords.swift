import Foundation

/// A Salesforce Account as CRMSync reads it (sObject `Account`).
///
/// Source: SOQL parent fields `Account.Name`, `Account.BillingStreet`, `Account.BillingCity`,
/// `Account.BillingPostalCode`, `Account.BillingCountry`, `Account.BillingCountryCode` (when state and country
/// picklists are on) on an Opportunity row.
public struct Account: Sendable, Hashable, Codable {
    /// The 18-character Account Id.
    public var id: String
    /// `Account.Name` (up to 255 characters; may hold quotes, ampersands and non-ASCII letters).
    public var name: String
    /// `BillingStreet` (a text area; may hold several lines).
    public var billingStreet: String?
    /// `BillingCity`.
    public var billingCity: String?
    /// `BillingPostalCode`.
    public var billingPostalCode: String?
    /// `BillingCountryCode` when available, else `BillingCountry` as entered (ISO 3166-1 alpha-2 expected).
    public var billingCountry: String?

    public init(
        id: String, name: String, billingStreet: String? = nil, billingCity: String? = nil,
        billingPostalCode: String? = nil, billingCountry: String? = nil
    ) {
        self.id = id
        self.name = name
        self.billingStreet = billingStreet
        self.billingCity = billingCity
        self.billingPostalCode = billingPostalCode
        self.billingCountry = billingCountry
    }
}

/// One OpportunityLineItem (sObject `OpportunityLineItem`, read through the `OpportunityLineItems` child subquery).
public struct OpportunityLineItem: Sendable, Hashable, Codable {
    /// The 18-character OpportunityLineItem Id.
    public var id: String
    /// `Product2Id`, 18 characters.
    public var product2Id: String?
    /// `Product2.ProductCode`: the SAP Material number; `nil` when the product has none (a bad-input case).
    public var productCode: String?
    /// `Product2.Name` (or the line's `Name`), used as the line text.
    public var productName: String?
    /// `Quantity` (a number with up to two decimals in Salesforce), in the configured default unit of measure.
    public var quantity: Decimal?
    /// `UnitPrice` in the Opportunity's currency.
    public var unitPrice: Decimal?
    /// `TotalPrice` in the Opportunity's currency.
    public var totalPrice: Decimal?
    /// `Description`.
    public var description: String?

    public init(
        id: String, product2Id: String? = nil, productCode: String? = nil, productName: String? = nil,
        quantity: Decimal? = nil, unitPrice: Decimal? = nil, totalPrice: Decimal? = nil, description: String? = nil
    ) {
        self.id = id
        self.product2Id = product2Id
        self.productCode = productCode
        self.productName = productName
        self.quantity = quantity
        self.unitPrice = unitPrice
        self.totalPrice = totalPrice
        self.description = description
    }
}

/// A contact on an Opportunity (sObject `OpportunityContactRole` with its `Contact`).
public struct OpportunityContact: Sendable, Hashable, Codable {
    /// `ContactId`, 18 characters.
    public var contactId: String
    /// `Contact.FirstName`.
    public var firstName: String?
    /// `Contact.LastName`.
    public var lastName: String?
    /// `Contact.Email`; `nil` when the contact has none.
    public var email: String?
    /// `IsPrimary` on the contact role.
    public var isPrimary: Bool

    public init(contactId: String, firstName: String? = nil, lastName: String? = nil, email: String? = nil, isPrimary: Bool) {
        self.contactId = contactId
        self.firstName = firstName
        self.lastName = lastName
        self.email = email
        self.isPrimary = isPrimary
    }
}

/// The values CRMSync wrote back onto an Opportunity, as read from Salesforce (custom fields, names configurable).
public struct OpportunitySyncFields: Sendable, Hashable, Codable {
    /// `SAP_Order_Number__c`.
    public var sapOrderNumber: String?
    /// `Zoho_Invoice_Number__c`.
    public var zohoInvoiceNumber: String?
    /// `Sync_Status__c`.
    public var syncStatus: SyncStatus?
    /// `Last_Sync_Date__c` (dateTime, UTC).
    public var lastSyncDate: Date?
    /// `Payment_Received__c`.
    public var paymentReceived: Bool?
    /// `Payment_Date__c` (date).
    public var paymentDate: CalendarDate?
    /// `Payment_Amount__c` in the Opportunity's currency.
    public var paymentAmount: Decimal?
    /// `Payment_Method__c` (Zoho's payment mode, e.g. `"banktransfer"`).
    public var paymentMethod: String?

    public init(
        sapOrderNumber: String? = nil, zohoInvoiceNumber: String? = nil, syncStatus: SyncStatus? = nil,
        lastSyncDate: Date? = nil, paymentReceived: Bool? = nil, paymentDate: CalendarDate? = nil,
        paymentAmount: Decimal? = nil, paymentMethod: String? = nil
    ) {
        self.sapOrderNumber = sapOrderNumber
        self.zohoInvoiceNumber = zohoInvoiceNumber
        self.syncStatus = syncStatus
        self.lastSyncDate = lastSyncDate
        self.paymentReceived = paymentReceived
        self.paymentDate = paymentDate
        self.paymentAmount = paymentAmount
        self.paymentMethod = paymentMethod
    }
}

/// `Sync_Status__c` picklist values.
public enum SyncStatus: String, Sendable, Hashable, Codable, CaseIterable {
    /// Both the SAP Sales Order and the Zoho invoice exist.
    case synced = "Synced"
    /// One of the two exists.
    case partial = "Partial"
    /// Neither could be created; see the dead letters.
    case failed = "Failed"
}

/// A Salesforce Opportunity with the related records CRMSync needs (sObject `Opportunity`).
public struct Opportunity: Sendable, Hashable, Codable {
    /// The 18-character Opportunity Id.
    public var id: String
    /// `Name`.
    public var name: String
    /// `AccountId` and the parent fields; `nil` when the lookup is empty.
    public var account: Account?
    /// `StageName`, e.g. `"Closed Won"`.
    public var stageName: String
    /// `IsWon`.
    public var isWon: Bool
    /// `IsClosed`.
    public var isClosed: Bool
    /// `CloseDate`.
    public var closeDate: CalendarDate?
    /// `Amount` in the Opportunity's currency.
    public var amount: Decimal?
    /// `CurrencyIsoCode` in multi-currency orgs; `nil` in single-currency orgs (the configured default applies).
    public var currencyIsoCode: String?
    /// `LastModifiedDate` (UTC).
    public var lastModifiedDate: Date
    /// `SystemModstamp` (UTC).
    public var systemModstamp: Date
    /// `IsDeleted` (true only on `queryAll` rows of deleted records).
    public var isDeleted: Bool
    /// Child `OpportunityLineItems`; empty when Salesforce returned `null`.
    public var lineItems: [OpportunityLineItem]
    /// Child `OpportunityContactRoles` with their contacts.
    public var contacts: [OpportunityContact]
    /// The values CRMSync wrote back.
    public var syncFields: OpportunitySyncFields

    public init(
        id: String, name: String, account: Account?, stageName: String, isWon: Bool, isClosed: Bool,
        closeDate: CalendarDate?, amount: Decimal?, currencyIsoCode: String?, lastModifiedDate: Date,
        systemModstamp: Date, isDeleted: Bool = false, lineItems: [OpportunityLineItem],
        contacts: [OpportunityContact], syncFields: OpportunitySyncFields = OpportunitySyncFields()
    ) {
        self.id = id
        self.name = name
        self.account = account
        self.stageName = stageName
        self.isWon = isWon
        self.isClosed = isClosed
        self.closeDate = closeDate
        self.amount = amount
        self.currencyIsoCode = currencyIsoCode
        self.lastModifiedDate = lastModifiedDate
        self.systemModstamp = systemModstamp
        self.isDeleted = isDeleted
        self.lineItems = lineItems
        self.contacts = contacts
        self.syncFields = syncFields
    }

    /// The primary contact role's contact, else the first one with an email.
    public var billingContact: OpportunityContact? {
        contacts.first(where: { $0.isPrimary }) ?? contacts.first(where: { $0.email != nil })
    }
}

/// A Product2 record as the stock flow reads it (sObject `Product2`).
public struct Product2Record: Sendable, Hashable, Codable {
    /// The 18-character Product2 Id.
    public var id: String
    /// `ProductCode`: the SAP Material number; `nil` when empty.
    public var productCode: String?
    /// `Name`.
    public var name: String
    /// `Available_Stock__c` as last written (quantity in the material's base unit of measure).
    public var availableStock: Decimal?
    /// `Low_Stock_Alert__c`.
    public var lowStockAlert: Bool?
    /// `LastModifiedDate` (UTC).
    public var lastModifiedDate: Date?

    public init(
        id: String, productCode: String?, name: String, availableStock: Decimal? = nil,
        lowStockAlert: Bool? = nil, lastModifiedDate: Date? = nil
    ) {
        self.id = id
        self.productCode = productCode
        self.name = name
        self.availableStock = availableStock
        self.lowStockAlert = lowStockAlert
        self.lastModifiedDate = lastModifiedDate
    }
}
