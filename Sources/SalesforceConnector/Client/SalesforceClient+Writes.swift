import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

extension SalesforceClient {
    /// Writes the sync fields onto Opportunities (sObject Collections PATCH, `allOrNone=false`, 200 per call).
    ///
    /// An Id that is not a valid 15/18-character Id gets a `.validationFailed` result without being sent.
    /// - Returns: one result per input, in input order; a record Salesforce rejected carries its error
    ///   (`recordID` = the input Id, `field` = the first field Salesforce named).
    /// - Throws: `SyncError` when a whole call fails (`.quotaExhausted`, `.authenticationFailed`, ...).
    public func updateOpportunities(_ writeBacks: [OpportunityWriteBack]) async throws -> [RecordWriteResult] {
        try await update(writeBacks.map { SObjectUpdate(opportunity: $0, fieldNames: configuration.fieldNames) })
    }

    /// Writes `Available_Stock__c`, `Low_Stock_Alert__c` and `Stock_Last_Updated__c` onto Product2 records
    /// (sObject Collections PATCH, `allOrNone=false`, 200 per call).
    /// - Returns: one result per input, in input order.
    /// - Throws: `SyncError` when a whole call fails.
    public func updateProduct2Stock(_ updates: [Product2StockUpdate]) async throws -> [RecordWriteResult] {
        try await update(updates.map { SObjectUpdate(product2: $0, fieldNames: configuration.fieldNames) })
    }

    /// Reads one record (`GET /sobjects/{type}/{id}`, optionally `?fields=`).
    /// - Returns: the record JSON with its `attributes`.
    /// - Throws: `SyncError` `.notFound` (`NOT_FOUND`, `ENTITY_IS_DELETED`), `.validationFailed` for a malformed
    ///   Id, and the HTTP layer's codes.
    public func sObject(type: String, id: String, fields: [String]? = nil) async throws -> JSONValue {
        var path = "\(dataPath)/sobjects/\(percentEncodeQueryValue(type))/\(try Self.normalizedID(id))"
        if let fields { path += "?fields=" + percentEncodeQueryValue(fields.joined(separator: ",")) }
        return try await getJSON(path, endpoint: "sobjects.\(type)")
    }

    /// Updates one record (`PATCH /sobjects/{type}/{id}` with the fields; 204 on success).
    /// - Throws: `SyncError` `.validationFailed` (`REQUIRED_FIELD_MISSING`, restricted picklist, bad Id),
    ///   `.malformedRequest` (`INVALID_FIELD`), `.notFound`, and the HTTP layer's codes.
    public func updateSObject(type: String, id: String, fields: [String: JSONValue]) async throws {
        let path = "\(dataPath)/sobjects/\(percentEncodeQueryValue(type))/\(try Self.normalizedID(id))"
        _ = try await transport.execute(
            HTTPRequestSpec(
                method: .PATCH, url: path, headers: jsonHeaders(), body: JSONValue.object(fields).serialized(),
                endpoint: "sobjects.\(type)"))
    }

    private static func normalizedID(_ id: String) throws(SyncError) -> String {
        guard let normalized = SalesforceID.normalized(id) else {
            throw SyncError(
                code: .validationFailed, system: .salesforce, message: "Not a valid 15- or 18-character Salesforce Id",
                recordID: id, field: "Id")
        }
        return normalized
    }

    private func jsonHeaders() -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        return headers
    }

    /// Sends valid records in batches of 200 and merges their results with local Id rejections, in input order.
    private func update(_ updates: [SObjectUpdate]) async throws -> [RecordWriteResult] {
        var results = [RecordWriteResult?](repeating: nil, count: updates.count)
        var sendable: [(index: Int, update: SObjectUpdate)] = []
        for (index, update) in updates.enumerated() {
            if SalesforceID.normalized(update.id) == nil {
                results[index] = RecordWriteResult(
                    id: update.id,
                    error: SyncError(
                        code: .validationFailed, system: .salesforce,
                        message: "Not a valid 15- or 18-character Salesforce Id", vendorCode: "MALFORMED_ID",
                        recordID: update.id, field: "Id"))
            } else {
                sendable.append((index, update))
            }
        }
        for start in stride(from: 0, to: sendable.count, by: SObjectCollections.batchSize) {
            let batch = Array(sendable[start..<min(start + SObjectCollections.batchSize, sendable.count)])
            let records = batch.map(\.update)
            let response = try await transport.execute(
                HTTPRequestSpec(
                    method: .PATCH, url: "\(dataPath)/composite/sobjects", headers: jsonHeaders(),
                    body: SObjectCollections.requestBody(records).serialized(), endpoint: "composite.sobjects"))
            let batchResults = try SObjectCollections.results(try SalesforceDecoding.json(response.body), for: records)
            for (entry, result) in zip(batch, batchResults) { results[entry.index] = result }
        }
        return results.map { $0! }
    }
}
