import SyncCore

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
