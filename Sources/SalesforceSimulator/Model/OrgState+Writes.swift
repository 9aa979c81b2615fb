import Foundation

extension OrgState {
    /// Creates a record of `object` from validated values, stamping CreatedDate, LastModifiedDate and
    /// SystemModstamp with `stamp`; visible at once, or at `visibleAt` (commit lag).
    /// - Throws: `REQUIRED_FIELD_MISSING` when a required field is absent.
    mutating func create(_ object: ObjectDescriptor, values: [String: FieldValue], stamp: Date, visibleAt: Date? = nil)
        throws(SalesforceError) -> String
    {
        var record = SObjectRecord(type: object.name, id: nextId(for: object), fields: [:], deletedAt: nil)
        for field in object.fields where field.type == .boolean && field.writable { record[field.name] = .bool(false) }
        if multiCurrency, object.field("CurrencyIsoCode") != nil { record["CurrencyIsoCode"] = .string(defaultCurrency) }
        for (name, value) in values { record[name] = value }
        try completeLineItem(&record)
        let missing = object.fields.filter { $0.required && record[$0.name].isNull }.map(\.name)
        if !missing.isEmpty {
            throw SalesforceError(
                status: 400, errorCode: "REQUIRED_FIELD_MISSING",
                message: "Required fields are missing: [\(missing.joined(separator: ", "))]", fields: missing)
        }
        record["CreatedDate"] = .dateTime(stamp)
        commit(record, stamp: stamp, visibleAt: visibleAt)
        return record.id
    }

    /// Updates a record with validated values, stamping LastModifiedDate and SystemModstamp with `stamp`.
    /// - Throws: `NOT_FOUND`, `ENTITY_IS_DELETED`, `REQUIRED_FIELD_MISSING` (a required field set to null).
    mutating func update(_ id: String, values: [String: FieldValue], stamp: Date, visibleAt: Date? = nil)
        throws(SalesforceError)
    {
        var record = try liveRecord(id)
        for (name, value) in values { record[name] = value }
        if let object = schema.object(record.type) {
            let cleared = object.fields.filter { $0.required && values[$0.name] == .null }.map(\.name)
            if !cleared.isEmpty {
                throw SalesforceError(
                    status: 400, errorCode: "REQUIRED_FIELD_MISSING",
                    message: "Required fields are missing: [\(cleared.joined(separator: ", "))]", fields: cleared)
            }
        }
        commit(record, stamp: stamp, visibleAt: visibleAt)
    }

    /// Deletes a record (to the recycle bin; queryAll still returns it), cascading to an Opportunity's line items
    /// and contact roles.
    /// - Throws: `NOT_FOUND`, `ENTITY_IS_DELETED`.
    mutating func delete(_ id: String, stamp: Date) throws(SalesforceError) {
        var record = try liveRecord(id)
        if record.type == "Opportunity" {
            for child in records.values where !child.isDeleted && child["OpportunityId"] == .string(id) {
                var deletedChild = child
                deletedChild.deletedAt = stamp
                deletedChild["SystemModstamp"] = .dateTime(stamp)
                store(deletedChild)
            }
        }
        record.deletedAt = stamp
        record["SystemModstamp"] = .dateTime(stamp)
        store(record)
        touchParentOpportunity(of: record, stamp: stamp)
    }

    /// The live record with `id`.
    /// - Throws: `NOT_FOUND` (no such record), `ENTITY_IS_DELETED`.
    func liveRecord(_ id: String) throws(SalesforceError) -> SObjectRecord {
        guard let record = records[id] else { throw .notFound }
        guard !record.isDeleted else { throw .entityIsDeleted }
        return record
    }

    private mutating func commit(_ record: SObjectRecord, stamp: Date, visibleAt: Date?) {
        var stamped = record
        stamped["LastModifiedDate"] = .dateTime(stamp)
        stamped["SystemModstamp"] = .dateTime(stamp)
        if let visibleAt {
            pending.append(PendingWrite(visibleAt: visibleAt, stamp: stamp, record: stamped))
        } else {
            store(stamped)
            touchParentOpportunity(of: stamped, stamp: stamp)
        }
    }

    /// A line item or contact role change is an edit of its Opportunity (Amount roll-up): bump its stamps.
    private mutating func touchParentOpportunity(of record: SObjectRecord, stamp: Date) {
        guard record.type == "OpportunityLineItem" || record.type == "OpportunityContactRole",
            case .string(let parentId) = record["OpportunityId"], var parent = records[parentId], !parent.isDeleted
        else { return }
        parent["LastModifiedDate"] = .dateTime(stamp)
        parent["SystemModstamp"] = .dateTime(stamp)
        store(parent)
    }

    /// Fills a line item's PricebookEntryId/Product2Id from each other and UnitPrice from the entry, and takes the
    /// Opportunity's currency.
    private func completeLineItem(_ record: inout SObjectRecord) throws(SalesforceError) {
        guard record.type == "OpportunityLineItem" else { return }
        if case .string(let entryId) = record["PricebookEntryId"], let entry = records[entryId] {
            record["Product2Id"] = entry["Product2Id"]
            if record["UnitPrice"].isNull { record["UnitPrice"] = entry["UnitPrice"] }
        } else if case .string(let productId) = record["Product2Id"],
            let entry = pricebookEntry(product: productId, currency: opportunityCurrency(of: record))
        {
            record["PricebookEntryId"] = .string(entry.id)
            if record["UnitPrice"].isNull { record["UnitPrice"] = entry["UnitPrice"] }
        } else {
            throw SalesforceError(
                status: 400, errorCode: "REQUIRED_FIELD_MISSING", message: "Required fields are missing: [PricebookEntryId]",
                fields: ["PricebookEntryId"])
        }
        if let currency = opportunityCurrency(of: record) { record["CurrencyIsoCode"] = .string(currency) }
    }

    private func opportunityCurrency(of line: SObjectRecord) -> String? {
        guard case .string(let opportunityId) = line["OpportunityId"], let opportunity = records[opportunityId],
            case .string(let currency) = opportunity["CurrencyIsoCode"]
        else { return nil }
        return currency
    }

    /// The active standard price book entry of a product, preferring `currency`.
    func pricebookEntry(product productId: String, currency: String?) -> SObjectRecord? {
        let entries = childIndex.childIds(type: "PricebookEntry", field: "Product2Id", parent: productId)
            .compactMap { records[$0] }.filter { !$0.isDeleted }
        return entries.first { currency != nil && $0["CurrencyIsoCode"] == .string(currency!) } ?? entries.first
    }
}
