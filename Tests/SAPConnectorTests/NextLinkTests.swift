import Foundation
import Logging
import SyncCore
import SyncHTTP
import Testing
@testable import SAPConnector

@Suite("__next links and URLs")
struct NextLinkTests {
    private func withClient(_ body: (SAPClient) throws -> Void) async throws {
        let httpClient = try makeHTTPClient(configuration: .init())
        let client = SAPClient(
            configuration: .init(baseURL: "https://my123456-api.s4hana.cloud.sap/", authentication: .basic(username: "U", password: "P"),
                                 sapClient: "100"),
            httpClient: httpClient, logger: Logger(label: "test"))
        do { try body(client) } catch {
            try await httpClient.shutdown()
            throw error
        }
        try await httpClient.shutdown()
    }

    @Test("service URLs: host root + /sap/opu/odata/sap + service, values encoded, sap-client added")
    func serviceURL() async throws {
        try await withClient { (client: SAPClient) throws in
            var query = ODataQuery()
            query.add("$filter", "Material eq 'A B'")
            #expect(client.url(.materialStock, "A_MatlStkInAcctMod", query: query)
                == "https://my123456-api.s4hana.cloud.sap/sap/opu/odata/sap/API_MATERIAL_STOCK_SRV/A_MatlStkInAcctMod"
                + "?$filter=Material%20eq%20%27A%20B%27&sap-client=100")
        }
        // A base URL that already holds the service path is accepted as well.
        let configuration = SAPClient.Configuration(
            baseURL: "http://127.0.0.1:8080/sap/opu/odata/sap", authentication: .basic(username: "U", password: "P"))
        #expect(configuration.serviceRoot(.salesOrder) == "http://127.0.0.1:8080/sap/opu/odata/sap/API_SALES_ORDER_SRV")
    }

    @Test("a same-origin __next (sample odata-v2-collection-inlinecount-next.json form) is followed as it is")
    func sameOrigin() async throws {
        try await withClient { (client: SAPClient) throws in
            let next = "https://my123456-api.s4hana.cloud.sap:443/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$skiptoken='ERNSH'&sap-client=100"
            #expect(try client.resolveNextLink(next, service: .product) == next)
            #expect(try client.resolveNextLink("A_Product?$skiptoken=10", service: .product)
                == "https://my123456-api.s4hana.cloud.sap/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$skiptoken=10&sap-client=100")
        }
    }

    @Test("a __next to another host is refused (it would carry our credentials away)")
    func otherOrigin() async throws {
        try await withClient { (client: SAPClient) throws in
            let sample = try Reference.jsonObject("sap/samples/odata-v2-collection-inlinecount-next.json")
            let next = try #require((sample["d"] as? [String: Any])?["__next"] as? String)
            let error = try #require(throws: SyncError.self) { try client.resolveNextLink(next, service: .product) }
            #expect(error.code == .malformedResponse)
            #expect(throws: SyncError.self) {
                try client.resolveNextLink("http://my123456-api.s4hana.cloud.sap/x", service: .product)
            }
        }
    }
}
