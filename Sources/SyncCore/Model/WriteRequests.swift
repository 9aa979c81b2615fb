import Foundation

/// The fields CRMSync writes onto one Opportunity; `nil` leaves a field untouched.
///
/// The connector sends them through sObject Collections PATCH under the configured field names
/// (defaults: `SAP_Order_Number__c`, `Zoho_Invoice_Number__c`, `Sync_Status__c`, `Last_Sync_Date__c`,
/// `Payment_Received__c`, `Payment_Date__c`, `Payment_Amount__c`, `Payment_Method__c`).
public struct OpportunityWriteBack: Sendable, Hashable, Codable {
    /// The 18-character Opportunity Id.
    public var opportunityId: String
    /// The values to write; `nil` members are not sent.
    public var fields: OpportunitySyncFields

    public init(opportunityId: String, fields: OpportunitySyncFields) {
        self.opportunityId = opportunityId
        self.fields = fields
    }
}

/// The stock fields CRMSync writes onto one Product2.
///
/// Sent as `Available_Stock__c` (quantity in the material's base unit of measure), `Low_Stock_Alert__c`
/// and `Stock_Last_Updated__c` (dateTime, UTC).
public struct Product2StockUpdate: Sendable, Hashable, Codable {
    /// The 18-character Product2 Id.
    public var product2Id: String
    /// The summed unrestricted stock over all plants.
    public var availableStock: Decimal
    /// True when `availableStock` is below the configured threshold.
    public var lowStockAlert: Bool
    /// When CRMSync read the stock (UTC).
    public var stockLastUpdated: Date

    public init(product2Id: String, availableStock: Decimal, lowStockAlert: Bool, stockLastUpdated: Date) {
        self.product2Id = product2Id
        self.availableStock = availableStock
        self.lowStockAlert = lowStockAlert
        self.stockLastUpdated = stockLastUpdated
    }
}

/// The outcome of one record in a batched write (sObject Collections per-record result), in request order.
public struct RecordWriteResult: Sendable, Hashable, Codable {
    /// The record's Id as sent.
    public var id: String
    /// The error for this record; `nil` on success.
    public var error: SyncError?

    public init(id: String, error: SyncError?) {
        self.id = id
        self.error = error
    }

    /// True when the record was written.
    public var succeeded: Bool { error == nil }
}
