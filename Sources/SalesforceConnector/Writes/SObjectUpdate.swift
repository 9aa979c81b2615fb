import Foundation
import SyncCore

/// One record to update: its sObject type, Id and the field values to set.
struct SObjectUpdate: Sendable, Hashable {
    /// The sObject type, e.g. `Opportunity`.
    var type: String
    /// The Id as the caller gave it (15 or 18 characters); results name the record by it.
    var id: String
    /// Field API name → value.
    var fields: [String: JSONValue]

    /// The Opportunity fields of a write-back; `nil` members are left out (they stay untouched in Salesforce).
    init(opportunity writeBack: OpportunityWriteBack, fieldNames: SalesforceFieldNames) {
        let values = writeBack.fields
        var fields: [String: JSONValue] = [:]
        if let value = values.sapOrderNumber { fields[fieldNames.sapOrderNumber] = .string(value) }
        if let value = values.zohoInvoiceNumber { fields[fieldNames.zohoInvoiceNumber] = .string(value) }
        if let value = values.syncStatus { fields[fieldNames.syncStatus] = .string(value.rawValue) }
        if let value = values.lastSyncDate {
            fields[fieldNames.lastSyncDate] = .string(SalesforceDateTime.formatForWrite(value))
        }
        if let value = values.paymentReceived { fields[fieldNames.paymentReceived] = .bool(value) }
        if let value = values.paymentDate { fields[fieldNames.paymentDate] = .string(value.description) }
        if let value = values.paymentAmount { fields[fieldNames.paymentAmount] = .decimal(value) }
        if let value = values.paymentMethod { fields[fieldNames.paymentMethod] = .string(value) }
        self.init(type: "Opportunity", id: writeBack.opportunityId, fields: fields)
    }

    /// The Product2 stock fields of an update.
    init(product2 update: Product2StockUpdate, fieldNames: SalesforceFieldNames) {
        self.init(
            type: "Product2", id: update.product2Id,
            fields: [
                fieldNames.availableStock: .decimal(update.availableStock),
                fieldNames.lowStockAlert: .bool(update.lowStockAlert),
                fieldNames.stockLastUpdated: .string(SalesforceDateTime.formatForWrite(update.stockLastUpdated)),
            ])
    }

    init(type: String, id: String, fields: [String: JSONValue]) {
        self.type = type
        self.id = id
        self.fields = fields
    }
}
