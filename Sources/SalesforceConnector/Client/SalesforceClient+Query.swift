import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

extension SalesforceClient {
    /// Runs a SOQL query and hands each page's rows to `body`, following `nextRecordsUrl` until `done`.
    ///
    /// `GET {dataPath}/query?q=` (or `queryAll` with deleted rows) with the whole statement percent-encoded (so
    /// `+` arrives as `%2B`) and `Sforce-Query-Options: batchSize=<queryBatchSize>`. While `body` works on a page,
    /// the next one is already fetched and parsed (a query locator is a snapshot, so this reads the same rows), so
    /// at most two pages are held at a time. Whatever page size the server chooses is accepted.
    /// - Throws: `SyncError` from the HTTP layer (`.malformedRequest` for bad SOQL, `.quotaExhausted`, ...),
    ///   `.malformedResponse` for a page that is not a QueryResult, and whatever `body` throws.
    func forEachQueryPage(
        _ soql: String, includeDeleted: Bool, _ body: ([JSONValue]) async throws -> Void
    ) async throws {
        let path = "\(dataPath)/\(includeDeleted ? "queryAll" : "query")?q=\(percentEncodeQueryValue(soql))"
        var page = try await queryPage(path, endpoint: includeDeleted ? "queryAll" : "query")
        while let next = page.nextRecordsURL {
            // The next page travels while `body` works; leaving the loop early cancels it.
            async let following = queryPage(next, endpoint: "queryMore")
            try await body(page.records)
            page = try await following
        }
        try await body(page.records)
    }

    /// GETs and reads one QueryResult page.
    private func queryPage(_ path: String, endpoint: String) async throws -> QueryResultPage {
        try QueryResultPage(try await getJSON(path, endpoint: endpoint, queryOptions: true))
    }

    /// The row with each named child QueryResult completed: a child result with `done: false` is followed
    /// through its own `nextRecordsUrl` and its rows appended, so decoding sees every child row.
    func completingChildren(of row: JSONValue, relationships: [String]) async throws -> JSONValue {
        guard var members = row.objectValue else { return row }
        for relationship in relationships {
            guard let child = members[relationship], !child.isNull else { continue }
            var page = try QueryResultPage(child)
            guard page.nextRecordsURL != nil else { continue }
            var records = page.records
            while let next = page.nextRecordsURL {
                page = try QueryResultPage(try await getJSON(next, endpoint: "queryMore", queryOptions: true))
                records += page.records
            }
            members[relationship] = .object([
                "totalSize": .number(String(records.count)), "done": .bool(true), "records": .array(records),
            ])
        }
        return .object(members)
    }

    /// GETs a REST path and parses the JSON answer.
    func getJSON(_ path: String, endpoint: String, queryOptions: Bool = false) async throws -> JSONValue {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        if queryOptions { headers.add(name: "Sforce-Query-Options", value: "batchSize=\(configuration.queryBatchSize)") }
        let response = try await transport.execute(
            HTTPRequestSpec(method: .GET, url: path, headers: headers, endpoint: endpoint))
        return try SalesforceDecoding.json(response.body)
    }
}
