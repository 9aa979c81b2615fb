import SyncCore

/// One page of a Salesforce QueryResult (`/query`, `/queryAll`, `nextRecordsUrl`, or a child subquery).
///
/// Shape (REST API "Query"): `totalSize` counts all matching rows, not the page; `done`; `nextRecordsUrl` only
/// while `done` is false; `records` with an `attributes` object each.
struct QueryResultPage: Sendable, Hashable {
    var totalSize: Int
    var done: Bool
    var nextRecordsURL: String?
    var records: [JSONValue]

    /// Reads a QueryResult object.
    /// - Throws: `SyncError` `.malformedResponse` when a member is missing or of the wrong kind, or when
    ///   `done` is false without a `nextRecordsUrl`.
    init(_ json: JSONValue) throws(SyncError) {
        guard let totalSize = json["totalSize"]?.intValue, let done = json["done"]?.boolValue,
              let records = json["records"]?.arrayValue
        else { throw SalesforceDecoding.malformed("a QueryResult with totalSize, done and records") }
        let next = json["nextRecordsUrl"]?.stringValue
        if !done, next == nil { throw SalesforceDecoding.malformed("a nextRecordsUrl on a page with done=false") }
        self.totalSize = totalSize
        self.done = done
        self.nextRecordsURL = done ? nil : next
        self.records = records
    }
}
