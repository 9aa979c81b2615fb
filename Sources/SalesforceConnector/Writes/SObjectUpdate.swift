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

/// The sObject Collections update call (`PATCH /composite/sobjects`, REST API "Update Records Using sObject
/// Collections"): at most 200 records, `allOrNone` false, one result per record in request order.
enum SObjectCollections {
    /// Records per request (the documented maximum).
    static let batchSize = 200

    /// The request body: `{"allOrNone": false, "records": [{"attributes": {"type": T}, "id": I, fields...}]}`;
    /// Ids are sent in their 18-character form.
    static func requestBody(_ updates: [SObjectUpdate]) -> JSONValue {
        let records = updates.map { update -> JSONValue in
            var members = update.fields
            members["attributes"] = .object(["type": .string(update.type)])
            members["id"] = .string(SalesforceID.normalized(update.id) ?? update.id)
            return .object(members)
        }
        return .object(["allOrNone": .bool(false), "records": .array(records)])
    }

    /// Maps the per-record results back to the inputs by position (failed entries may omit `id`).
    /// - Throws: `.malformedResponse` when the answer is not an array with one result per record.
    static func results(_ response: JSONValue, for updates: [SObjectUpdate]) throws(SyncError) -> [RecordWriteResult] {
        guard let entries = response.arrayValue, entries.count == updates.count else {
            throw SalesforceDecoding.malformed("one sObject Collections result per record (\(updates.count))")
        }
        var results: [RecordWriteResult] = []
        results.reserveCapacity(entries.count)
        for (entry, update) in zip(entries, updates) {
            guard let success = entry["success"]?.boolValue else {
                throw SalesforceDecoding.malformed("a success flag in each result", record: update.id)
            }
            let error = success ? nil : SalesforceErrorClassifier.recordError(
                entry["errors"]?.arrayValue?.first, recordID: update.id)
            results.append(RecordWriteResult(id: update.id, error: error))
        }
        return results
    }
}
