import Foundation
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("SAP $metadata and routing")
struct MetadataTests {
    @Test("each service serves its real $metadata verbatim", arguments: [
        "API_BUSINESS_PARTNER", "API_SALES_ORDER_SRV", "API_PRODUCT_SRV", "API_MATERIAL_STOCK_SRV",
    ])
    func metadataVerbatim(service: String) async throws {
        let expected = try ReferenceFiles.data("sap/edmx/\(service).edmx")
        try await SAPFixtures.withSAP { client, _, _ in
            let response = try await client.send(.get, "/sap/opu/odata/sap/\(service)/$metadata",
                                                 headers: [.accept: "application/xml"])
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("application/xml") == true)
            #expect(Data(buffer: response.body) == expected)
        }
    }

    @Test("unknown service answers 404 /IWFND/MED/170")
    func unknownService() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let response = try await client.get("/sap/opu/odata/sap/API_NOT_THERE_SRV/A_Thing")
            #expect(response.status == .notFound)
            #expect(try errorCode(response) == "/IWFND/MED/170")
        }
    }

    @Test("unknown entity set and unknown key answer 404 /IWBEP/CM_MGW_RT/020 Resource not found for segment")
    func unknownSegment() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let set = try await client.get("/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_NoSuchSet")
            #expect(set.status == .notFound)
            #expect(try errorCode(set) == "/IWBEP/CM_MGW_RT/020")
            #expect(try errorMessage(set)?.hasPrefix("Resource not found for segment") == true)
            let key = try await client.get("/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder('999')")
            #expect(key.status == .notFound)
            #expect(try errorMessage(key) == "Resource not found for segment 'A_SalesOrderType'")
        }
    }

    @Test("Atom-only Accept gets 406; $format=json and Accept json get JSON")
    func contentNegotiation() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let atom = try await client.send(.get, "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=1",
                                             headers: [.accept: "application/atom+xml"])
            #expect(atom.status == .notAcceptable)
            let format = try await client.send(.get, "/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$top=1&$format=json",
                                               headers: [.accept: "application/atom+xml"])
            #expect(format.status == .ok)
            #expect(format.headers[.contentType]?.hasPrefix("application/json") == true)
        }
    }
}
