import Foundation

/// One stored record: its type, canonical 18-character Id, stored field values (keyed by API name) and deletion.
struct SObjectRecord: Sendable {
    var type: String
    var id: String
    var fields: [String: FieldValue]
    /// When the record was deleted (it stays in the recycle bin, visible to queryAll), or nil.
    var deletedAt: Date?

    var isDeleted: Bool { deletedAt != nil }

    subscript(field: String) -> FieldValue {
        get { fields[field] ?? .null }
        set { fields[field] = newValue }
    }
}

/// A write made visible only at `visibleAt` (commit lag): until then queries see the record's previous version.
struct PendingWrite: Sendable {
    var visibleAt: Date
    /// The stamp the write carries (older than `visibleAt`).
    var stamp: Date
    /// The record as it will look once visible.
    var record: SObjectRecord
}
