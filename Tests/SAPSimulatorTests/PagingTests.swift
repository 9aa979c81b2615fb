import Foundation
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("Paging: $top, $skip, $skiptoken, __next, $inlinecount")
struct PagingTests {
    static let products = "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product"
    static let total = 2 + SAPFixtures.pagingProducts

    /// Follows `__next` from `first` (relative to the router: the host part is dropped) and collects all keys.
    static func collectAll(_ client: SAPTestClient, _ first: String) async throws -> (keys: [String], pages: Int) {
        var uri: String? = first
        var keys: [String] = []
        var pages = 0
        while let current = uri, pages < 50 {
            let d = try dObject(try await client.get(current))
            keys += (d["results"] as? [[String: Any]] ?? []).compactMap { $0["Product"] as? String }
            pages += 1
            uri = (d["__next"] as? String).map { $0.replacingOccurrences(of: "http://localhost", with: "") }
        }
        return (keys, pages)
    }

    @Test("without $top the server pages by the default page size (100) and __next reaches every row once")
    func serverPaging() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let (keys, pages) = try await Self.collectAll(client, Self.products + "?$select=Product&$orderby=Product")
            #expect(pages == 3)
            #expect(keys.count == Self.total)
            #expect(Set(keys).count == Self.total)
            #expect(keys == keys.sorted())
        }
    }

    @Test("$top and $skip are honoured without __next when no cap applies")
    func clientPaging() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let d = try dObject(try await client.get(Self.products + "?$top=5&$skip=2&$orderby=Product%20desc&$select=Product"))
            let keys = (d["results"] as? [[String: Any]] ?? []).compactMap { $0["Product"] as? String }
            #expect(keys == ["PAGE-0240", "PAGE-0239", "PAGE-0238", "PAGE-0237", "PAGE-0236"])
            #expect(d["__next"] == nil)
            #expect(d["__count"] == nil)
        }
    }

    @Test("a configured page cap splits a large $top into pages with __next")
    func pageCap() async throws {
        try await SAPFixtures.withSAP(.init(maxPageSize: 50)) { client, _, _ in
            let (keys, pages) = try await Self.collectAll(client, Self.products + "?$top=120&$select=Product&$inlinecount=allpages")
            #expect(pages == 3)
            #expect(keys.count == 120)
            #expect(Set(keys).count == 120)
        }
    }

    @Test("$inlinecount=allpages counts all matching rows; other values are rejected with 400")
    func inlineCount() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let d = try dObject(try await client.get(Self.products + "?$top=1&$inlinecount=allpages&$filter=startswith(Product,%27TG%27)"))
            #expect(d["__count"] as? String == "2")
            let none = try dObject(try await client.get(Self.products + "?$top=1&$inlinecount=none"))
            #expect(none["__count"] == nil)
            let bad = try await client.get(Self.products + "?$inlinecount=some")
            #expect(bad.status == .badRequest)
            #expect(try errorCode(bad) != nil)
        }
    }

    @Test("$count returns the number as text")
    func count() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let response = try await client.get(Self.products + "/$count")
            #expect(String(buffer: response.body) == String(Self.total))
        }
    }
}
