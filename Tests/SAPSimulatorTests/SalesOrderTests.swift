import Foundation
import HTTPTypes
import HummingbirdTesting
import SAPSimulator
import Testing

@Suite("API_SALES_ORDER_SRV deep insert, validation and ETags")
struct SalesOrderTests {
    static let uri = "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"
    static let sapMessage = HTTPField.Name("sap-message")!

    static func order(soldTo: String = "17100001", organization: String = "1010", po: String = "006AA000000EXMPAAA",
                      items: String) -> String {
        #"{"SalesOrderType":"OR","SalesOrganization":"\#(organization)","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"\#(soldTo)","PurchaseOrderByCustomer":"\#(po)","to_Item":\#(items)}"#
    }

    static let pricedItems = #"[{"SalesOrderItem":"10","Material":"tg11","RequestedQuantity":"5","RequestedQuantityUnit":"PC","to_PricingElement":[{"ConditionType":"PPR0","ConditionRateValue":"19.99","ConditionCurrency":"EUR"}]},{"SalesOrderItem":"20","Material":"TG12","RequestedQuantity":"2.5","to_PricingElement":{"results":[{"ConditionType":"PPR0","ConditionRateValue":"4","ConditionCurrency":"EUR"}]}}]"#

    @Test("deep insert with a plain to_Item array: 201, Location, sap-message V1/311, ETag, priced items")
    func createPlainArray() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF()
            let response = try await client.modify(.post, Self.uri, json: Self.order(items: Self.pricedItems), csrf: csrf)
            #expect(response.status == .created)
            #expect(response.headers[.location] == "http://localhost/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder('4000000')")
            let message = try #require(response.headers[Self.sapMessage])
            let parsed = try #require(try JSONSerialization.jsonObject(with: Data(message.utf8)) as? [String: Any])
            #expect(parsed["code"] as? String == "V1/311")
            #expect(parsed["message"] as? String == "Standard Order 4000000 has been saved")
            let d = try dObject(response)
            #expect(d["SalesOrder"] as? String == "4000000")
            #expect(d["TotalNetAmount"] as? String == "109.95")
            #expect(response.headers[.eTag] == (d["__metadata"] as? [String: Any])?["etag"] as? String)
            let items = try #require((d["to_Item"] as? [String: Any])?["results"] as? [[String: Any]])
            #expect(items.map { $0["SalesOrderItem"] as? String } == ["10", "20"])
            #expect(items.map { $0["Material"] as? String } == ["TG11", "TG12"])
            #expect(items.map { $0["NetAmount"] as? String } == ["99.95", "10.00"])
            #expect(items.map { $0["RequestedQuantity"] as? String } == ["5.000", "2.500"])
            #expect(simulator.salesOrderCount(purchaseOrderByCustomer: "006AA000000EXMPAAA") == 1)
        }
    }

    @Test("deep insert with to_Item as {results: [...]} is accepted; list price applies without pricing elements")
    func createResultsWrapper() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let csrf = try await client.fetchCSRF()
            let body = Self.order(items: #"{"results":[{"Material":"TG11","RequestedQuantity":"3"}]}"#)
            let response = try await client.modify(.post, Self.uri, json: body, csrf: csrf)
            #expect(response.status == .created)
            let item = try results(try await client.get(Self.uri + "('4000000')/to_Item")).first
            #expect(item?["SalesOrderItem"] as? String == "10")
            #expect(item?["NetAmount"] as? String == "300.00")
            let single = try await client.get("/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrderItem(SalesOrder='4000000',SalesOrderItem='10')")
            #expect(single.status == .ok)
        }
    }

    @Test("validation errors render SAP messages", arguments: [
        ("no items", #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"17100001"}"#, "related entities"),
        ("unknown sold-to", order(soldTo: "99999", items: #"[{"Material":"TG11","RequestedQuantity":"1"}]"#), "Sold-to party 99999 not maintained for sales area 1010 10 00"),
        ("sold-to outside sales area", order(organization: "1710", items: #"[{"Material":"TG11","RequestedQuantity":"1"}]"#), "Sold-to party 17100001 not maintained for sales area 1710 10 00"),
        ("unknown material", order(items: #"[{"Material":"NOT-IN-SAP","RequestedQuantity":"1"}]"#), "Material NOT-IN-SAP is not defined for sales org.1010, distr.chan.10, language EN"),
        ("missing sold-to", #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","to_Item":[{"Material":"TG11"}]}"#, "SoldToParty"),
        ("purchase order too long", order(po: String(repeating: "X", count: 36), items: #"[{"Material":"TG11","RequestedQuantity":"1"}]"#), "PurchaseOrderByCustomer"),
    ])
    func validation(name: String, body: String, messagePart: String) async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF()
            let response = try await client.modify(.post, Self.uri, json: body, csrf: csrf)
            #expect(response.status == .badRequest, "\(name)")
            #expect(try errorMessage(response)?.contains(messagePart) == true, "\(name)")
            #expect(simulator.salesOrderCount() == 0)
        }
    }

    @Test("PATCH/DELETE need If-Match: missing 428, stale 412, current 204 with a new ETag")
    func etags() async throws {
        try await SAPFixtures.withSAP { client, simulator, clock in
            let csrf = try await client.fetchCSRF()
            let created = try await client.modify(.post, Self.uri, json: Self.order(items: Self.pricedItems), csrf: csrf)
            let etag = try #require(created.headers[.eTag])
            let single = try await client.get(Self.uri + "('4000000')")
            #expect(single.headers[.eTag] == etag)
            let patch = #"{"PurchaseOrderByCustomer":"CHANGED"}"#
            let missing = try await client.modify(.patch, Self.uri + "('4000000')", json: patch, csrf: csrf)
            #expect(missing.status == .preconditionRequired)
            clock.advance(bySeconds: 5)
            let ok = try await client.modify(.patch, Self.uri + "('4000000')", json: patch, csrf: csrf, headers: [.ifMatch: etag])
            #expect(ok.status == .noContent)
            let newTag = try #require(ok.headers[.eTag])
            #expect(newTag != etag)
            let stale = try await client.modify(.delete, Self.uri + "('4000000')", json: nil, csrf: csrf, headers: [.ifMatch: etag])
            #expect(stale.status == .preconditionFailed)
            let deleted = try await client.modify(.delete, Self.uri + "('4000000')", json: nil, csrf: csrf, headers: [.ifMatch: newTag])
            #expect(deleted.status == .noContent)
            #expect(simulator.salesOrderCount() == 0)
            #expect(try await client.get(Self.uri + "('4000000')/to_Item").status == .notFound)
        }
    }

    @Test("orders are found by PurchaseOrderByCustomer with $filter and $select; operator delete removes them")
    func lookupAndOperatorDelete() async throws {
        try await SAPFixtures.withSAP { client, simulator, _ in
            let csrf = try await client.fetchCSRF()
            _ = try await client.modify(.post, Self.uri, json: Self.order(po: "006Aa00000AbCdEIAV", items: Self.pricedItems), csrf: csrf)
            _ = try await client.modify(.post, Self.uri, json: Self.order(po: "OTHER", items: Self.pricedItems), csrf: csrf)
            let rows = try results(try await client.get(
                Self.uri + "?$filter=PurchaseOrderByCustomer%20eq%20%27006Aa00000AbCdEIAV%27&$select=SalesOrder,LastChangeDateTime"))
            #expect(rows.map { $0["SalesOrder"] as? String } == ["4000000"])
            #expect(Set(rows[0].keys) == ["__metadata", "SalesOrder", "LastChangeDateTime"])
            let expanded = try dObject(try await client.get(Self.uri + "('4000001')?$expand=to_Item&$select=SalesOrder,to_Item/Material"))
            let items = (expanded["to_Item"] as? [String: Any])?["results"] as? [[String: Any]]
            #expect(items?.map { $0["Material"] as? String } == ["TG11", "TG12"])
            #expect(simulator.deleteSalesOrder("4000000"))
            #expect(simulator.salesOrders().map(\.salesOrder) == ["4000001"])
        }
    }
}
