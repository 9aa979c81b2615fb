import Foundation
import SyncCore

/// Field access on one record object with errors naming the record and field.
struct RecordReader {
    let json: JSONValue
    let recordID: String?

    init(_ json: JSONValue, recordID: String? = nil) {
        self.json = json
        self.recordID = recordID
    }

    private func fail(_ field: String, _ expected: String) -> SyncError {
        SalesforceDecoding.malformed(expected, record: recordID, field: field)
    }

    /// The member, treating a missing member like `null`.
    private func value(_ field: String) -> JSONValue? {
        guard let value = json[field], !value.isNull else { return nil }
        return value
    }

    func optionalString(_ field: String) throws(SyncError) -> String? {
        guard let value = value(field) else { return nil }
        guard let text = value.stringValue else { throw fail(field, "a string") }
        return text
    }

    func string(_ field: String) throws(SyncError) -> String {
        guard let text = try optionalString(field) else { throw fail(field, "a string") }
        return text
    }

    /// An Id field normalised to 18 characters.
    func optionalID(_ field: String) throws(SyncError) -> String? {
        guard let text = try optionalString(field) else { return nil }
        guard let id = SalesforceID.normalized(text) else { throw fail(field, "a 15- or 18-character Id") }
        return id
    }

    func id(_ field: String) throws(SyncError) -> String {
        guard let id = try optionalID(field) else { throw fail(field, "an Id") }
        return id
    }

    func optionalBool(_ field: String) throws(SyncError) -> Bool? {
        guard let value = value(field) else { return nil }
        guard let flag = value.boolValue else { throw fail(field, "a boolean") }
        return flag
    }

    func bool(_ field: String) throws(SyncError) -> Bool {
        guard let flag = try optionalBool(field) else { throw fail(field, "a boolean") }
        return flag
    }

    /// A number read exactly from its JSON text.
    func optionalDecimal(_ field: String) throws(SyncError) -> Decimal? {
        guard let value = value(field) else { return nil }
        guard let number = value.decimalValue else { throw fail(field, "a number") }
        return number
    }

    /// A `dateTime` (`…000+0000`, `…Z`, `…+hh:mm`).
    func optionalDateTime(_ field: String) throws(SyncError) -> Date? {
        guard let text = try optionalString(field) else { return nil }
        guard let date = SalesforceDateTime.parse(text) else { throw fail(field, "a dateTime") }
        return date
    }

    func dateTime(_ field: String) throws(SyncError) -> Date {
        guard let date = try optionalDateTime(field) else { throw fail(field, "a dateTime") }
        return date
    }

    /// A `date` (`yyyy-MM-dd`).
    func optionalDate(_ field: String) throws(SyncError) -> CalendarDate? {
        guard let text = try optionalString(field) else { return nil }
        guard let date = CalendarDate(iso8601: text) else { throw fail(field, "a date") }
        return date
    }

    /// A parent relationship object; `nil` when the lookup is empty (`null`).
    func parent(_ relationship: String) throws(SyncError) -> RecordReader? {
        guard let value = value(relationship) else { return nil }
        guard value.objectValue != nil else { throw fail(relationship, "a related record") }
        return RecordReader(value, recordID: recordID)
    }

    /// The rows of a child subquery; empty when Salesforce sent `null` (no children).
    func children(_ relationship: String) throws(SyncError) -> [JSONValue] {
        guard let value = value(relationship) else { return [] }
        return try QueryResultPage(value).records
    }
}
