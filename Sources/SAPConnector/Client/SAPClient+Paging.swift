import Foundation
import SyncCore
import SyncHTTP

extension SAPClient {
    /// Reads a collection page by page and hands each page's rows to `body` (never the whole result in memory).
    ///
    /// The first request carries `$top` = page size, `$skip=0` and `$inlinecount=allpages`. When SAP pages on its
    /// own (`d.__next`, e.g. with a `$skiptoken`), the next link is followed as it is (same origin only) until a
    /// page has none. Otherwise the client pages with `$skip`, advancing by the rows received, until `__count`
    /// rows were read (or, without `__count`, a page shorter than the page size arrives); `query` must hold a
    /// stable `$orderby` on the key for that. Source: `reference/sap.md` §3.1.
    /// - Throws: `SyncError` from the requests; `.malformedResponse` for a next link to another host.
    func forEachPage<Row: Decodable>(
        _ service: SAPService, _ entitySet: String, query: ODataQuery, endpoint: String, as row: Row.Type,
        _ body: ([Row]) async throws -> Void
    ) async throws {
        let pageSize = max(configuration.pageSize, 1)
        var query = query
        query.set("$top", String(pageSize))
        query.set("$skip", "0")
        query.set("$inlinecount", "allpages")
        var nextURL: String? = url(service, entitySet, query: query)
        var skip = 0
        var total: Int?
        var serverPaging = false
        var visited: Set<String> = []
        while let current = nextURL {
            visited.insert(current)
            let page = try await get(current, endpoint: endpoint, as: ODataCollectionPage<Row>.self)
            if total == nil { total = page.count }
            if !page.results.isEmpty { try await body(page.results) }
            if let next = page.next {
                let resolved = try resolveNextLink(next, service: service)
                guard !visited.contains(resolved), !page.results.isEmpty else { return }
                serverPaging = true
                nextURL = resolved
                continue
            }
            if serverPaging || page.results.isEmpty { return }
            skip += page.results.count
            let more = total.map { skip < $0 } ?? (page.results.count >= pageSize)
            guard more else { return }
            query.set("$skip", String(skip))
            nextURL = url(service, entitySet, query: query)
        }
    }

    /// Makes a `__next` link absolute and checks it points at the configured host (a link elsewhere would carry
    /// our credentials away). Adds `sap-client` when configured and missing.
    func resolveNextLink(_ next: String, service: SAPService) throws -> String {
        var resolved: String
        if next.contains("://") {
            guard let origin = Self.origin(of: next), origin == Self.origin(of: configuration.baseURL) else {
                throw SyncError(
                    code: .malformedResponse, system: .sap,
                    message: "SAP's next-page link points at another host; refusing to follow it")
            }
            resolved = next
        } else if next.hasPrefix("/") {
            resolved = (Self.origin(of: configuration.baseURL) ?? configuration.baseURL) + next
        } else {
            resolved = configuration.serviceRoot(service) + "/" + next
        }
        if let client = configuration.sapClient, !client.isEmpty, !resolved.contains("sap-client=") {
            resolved += Self.sapClientSuffix(client, separator: resolved.contains("?") ? "&" : "?")
        }
        return resolved
    }

    /// `scheme://host:port` in lower case with the default port filled in, or `nil` for a non-URL.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(),
              let host = components.host?.lowercased()
        else { return nil }
        let port = components.port ?? (scheme == "https" ? 443 : 80)
        return "\(scheme)://\(host):\(port)"
    }
}
