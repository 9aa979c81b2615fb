import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

extension SalesforceClient {
    /// Runs a SOQL query and hands each page's rows to `body`, following `nextRecordsUrl` until `done`.
    ///
    /// `GET {dataPath}/query?q=` (or `queryAll` with deleted rows) with the whole statement percent-encoded (so
    /// `+` arrives as `%2B`) and `Sforce-Query-Options: batchSize=<queryBatchSize>`. The next page is requested as
    /// soon as a page's bytes arrive (its top-level `nextRecordsUrl` is read from the bytes), so it travels while
    /// this page is parsed and `body` works on it (a query locator is a snapshot, so this reads the same rows); at
    /// most two pages are held at a time. The parsed `nextRecordsUrl` stays the one followed: should it differ from
    /// the one read early, the early request is dropped. Whatever page size the server chooses is accepted.
    /// - Throws: `SyncError` from the HTTP layer (`.malformedRequest` for bad SOQL, `.quotaExhausted`, ...),
    ///   `.malformedResponse` for a page that is not a QueryResult, and whatever `body` throws.
    func forEachQueryPage(
        _ soql: String, includeDeleted: Bool, _ body: ([JSONValue]) async throws -> Void
    ) async throws {
        let path = "\(dataPath)/\(includeDeleted ? "queryAll" : "query")?q=\(percentEncodeQueryValue(soql))"
        var bytes = try await getBody(path, endpoint: includeDeleted ? "queryAll" : "query", queryOptions: true)
        while true {
            let early = JSONTopLevelMember.string("nextRecordsUrl", in: bytes)
            // The next page travels while this one is parsed and `body` works; leaving the loop cancels it.
            async let following = prefetch(early)
            let page = try QueryResultPage(try SalesforceDecoding.json(bytes))
            try await body(page.records)
            guard let next = page.nextRecordsURL else { return }
            if next == early, let prefetched = try await following {
                bytes = prefetched
            } else {
                bytes = try await getBody(next, endpoint: "queryMore", queryOptions: true)
            }
        }
    }

    /// The bytes of the page at `path`, or nil without one.
    private func prefetch(_ path: String?) async throws -> Data? {
        guard let path else { return nil }
        return try await getBody(path, endpoint: "queryMore", queryOptions: true)
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
        try SalesforceDecoding.json(try await getBody(path, endpoint: endpoint, queryOptions: queryOptions))
    }

    /// GETs a REST path and returns the answer's bytes (a 2xx JSON body; errors are thrown by the transport).
    private func getBody(_ path: String, endpoint: String, queryOptions: Bool) async throws -> Data {
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        if queryOptions { headers.add(name: "Sforce-Query-Options", value: "batchSize=\(configuration.queryBatchSize)") }
        return try await transport.execute(
            HTTPRequestSpec(method: .GET, url: path, headers: headers, endpoint: endpoint)).body
    }
}
