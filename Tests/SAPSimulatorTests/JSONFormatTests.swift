import Foundation
import HTTPTypes
import HummingbirdTesting
import SAPSimulator
import Testing

/// Compares the simulator's JSON with the recorded SAP samples: same member structure and value formats.
@Suite("JSON verbose format against recorded samples")
struct JSONFormatTests {
    static var dateTime: Regex<Substring> { /\/Date\(\d+\)\// }
    static var dateTimeOffset: Regex<Substring> { /\/Date\(\d+\+0000\)\// }
    static var time: Regex<Substring> { /PT\d{2}H\d{2}M\d{2}S/ }
    static var etag: Regex<Substring> { /W\/"datetimeoffset'\d{4}-\d{2}-\d{2}T\d{2}%3A\d{2}%3A\d{2}\.\d{7}Z'"/ }

    static let order = #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"17100001","PurchaseOrderByCustomer":"PO-16306","to_Item":[{"Material":"TG11","RequestedQuantity":"2"},{"Material":"TG12","RequestedQuantity":"3"}]}"#

    /// Checks that every value has the same JSON kind and EDM format as in the sample.
    /// Members the sample has but our `$metadata` does not declare (the sample system runs another release, or
    /// has custom `YY1_` fields) are skipped; any member the EDMX declares must be rendered.
    static func expectSameFormats(
        _ ours: [String: Any], _ sample: [String: Any], edmx: String, skipping: Set<String> = []
    ) {
        for (key, sampleValue) in sample where !skipping.contains(key) {
            guard let value = ours[key] else {
                let declared = edmx.contains("<Property Name=\"\(key)\"") || edmx.contains("<NavigationProperty Name=\"\(key)\"")
                #expect(!declared, "missing member \(key)")
                continue
            }
            if let text = sampleValue as? String {
                if text.wholeMatch(of: dateTimeOffset) != nil {
                    #expect((value as? String)?.wholeMatch(of: dateTimeOffset) != nil || value is NSNull, "\(key)")
                } else if text.wholeMatch(of: dateTime) != nil {
                    #expect((value as? String)?.wholeMatch(of: dateTime) != nil || value is NSNull, "\(key)")
                } else if text.wholeMatch(of: time) != nil {
                    #expect((value as? String)?.wholeMatch(of: time) != nil, "\(key)")
                } else {
                    #expect(value is String, "\(key)")
                }
            } else if sampleValue is NSNull {
                #expect(value is NSNull || value is String, "\(key)")
            } else if let object = sampleValue as? [String: Any], object["__deferred"] != nil {
                #expect(((value as? [String: Any])?["__deferred"] as? [String: Any])?["uri"] is String, "\(key)")
            } else {
                #expect("\(type(of: value))" == "\(type(of: sampleValue))", "\(key)")
            }
        }
    }

    @Test("A_SalesOrder collection matches so-A_SalesOrder-collection-page.json")
    func salesOrderCollection() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let sample = try ReferenceFiles.json("sap/samples/so-A_SalesOrder-collection-page.json")
            let sampleRow = try #require(((sample["d"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
            let sampleMetadataKeys = Set(try #require(sampleRow["__metadata"] as? [String: Any]).keys)
            let csrf = try await client.fetchCSRF()
            #expect(try await client.modify(.post, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder",
                                            json: Self.order, csrf: csrf).status == .created)
            let rows = try results(try await client.get("/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder"))
            let row = try #require(rows.first)
            let metadata = try #require(row["__metadata"] as? [String: Any])
            #expect(Set(metadata.keys) == sampleMetadataKeys)
            #expect((metadata["etag"] as? String)?.wholeMatch(of: Self.etag) != nil)
            #expect(metadata["type"] as? String == "API_SALES_ORDER_SRV.A_SalesOrderType")
            #expect(metadata["uri"] as? String == "http://localhost/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder('4000000')")
            let edmx = String(decoding: try ReferenceFiles.data("sap/edmx/API_SALES_ORDER_SRV.edmx"), as: UTF8.self)
            Self.expectSameFormats(row, sampleRow, edmx: edmx)
            #expect(row["SalesOrder"] as? String == "4000000")
            #expect(row["TotalNetAmount"] as? String == "237.50")
            #expect(row["PriceDetnExchangeRate"] as? String == "1.00000")
            #expect(row["SalesGroup"] as? String == "")
            let deferred = (row["to_Item"] as? [String: Any])?["__deferred"] as? [String: Any]
            #expect(deferred?["uri"] as? String == "http://localhost/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder('4000000')/to_Item")
        }
    }

    @Test("A_BusinessPartner with expanded address matches bp-A_BusinessPartner-single-expand-address.json")
    func businessPartnerExpand() async throws {
        try await SAPFixtures.withSAP { client, _, _ in
            let sample = try ReferenceFiles.json("sap/samples/bp-A_BusinessPartner-single-expand-address.json")
            let sampleEntity = try #require(sample["d"] as? [String: Any])
            let sampleAddress = try #require(((sampleEntity["to_BusinessPartnerAddress"] as? [String: Any])?["results"] as? [[String: Any]])?.first)
            let response = try await client.get(
                "/sap/opu/odata/sap/API_BUSINESS_PARTNER/A_BusinessPartner('17100001')?$expand=to_BusinessPartnerAddress")
            let entity = try dObject(response)
            let edmx = String(decoding: try ReferenceFiles.data("sap/edmx/API_BUSINESS_PARTNER.edmx"), as: UTF8.self)
            Self.expectSameFormats(entity, sampleEntity, edmx: edmx, skipping: ["to_BusinessPartnerAddress"])
            let metadata = try #require(entity["__metadata"] as? [String: Any])
            #expect(Set(metadata.keys) == ["id", "uri", "type"])
            let addresses = try #require((entity["to_BusinessPartnerAddress"] as? [String: Any])?["results"] as? [[String: Any]])
            let address = try #require(addresses.first)
            Self.expectSameFormats(address, sampleAddress, edmx: edmx)
            #expect(entity["InternationalLocationNumber1"] as? String == "0")
            #expect(entity["LastChangeTime"] as? String == "PT00H00M00S")
            #expect(entity["LastChangeDate"] is NSNull)
            #expect(address["ValidityEndDate"] as? String == "/Date(253402300799000+0000)/")
            let uri = try #require((address["__metadata"] as? [String: Any])?["uri"] as? String)
            #expect(uri.wholeMatch(of: /http:\/\/localhost\/sap\/opu\/odata\/sap\/API_BUSINESS_PARTNER\/A_BusinessPartnerAddress\(BusinessPartner='17100001',AddressID='\d+'\)/) != nil)
        }
    }

    @Test("__count is a string and __next an absolute URL with $skiptoken (odata-v2-collection-inlinecount-next.json)")
    func inlineCountNext() async throws {
        let sample = try ReferenceFiles.json("sap/samples/odata-v2-collection-inlinecount-next.json")
        let sampleD = try #require(sample["d"] as? [String: Any])
        let sampleKeys = Set(sampleD.keys)
        let countIsString = sampleD["__count"] is String
        try await SAPFixtures.withSAP { client, _, _ in
            let response = try await client.get("/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?$inlinecount=allpages")
            let d = try dObject(response)
            #expect(Set(d.keys) == sampleKeys)
            #expect((d["__count"] is String) == countIsString)
            #expect(d["__count"] as? String == String(2 + SAPFixtures.pagingProducts))
            let next = try #require(d["__next"] as? String)
            #expect(next.hasPrefix("http://localhost/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product?"))
            #expect(next.contains("$skiptoken="))
            #expect(next.contains("$inlinecount=allpages"))
        }
    }

    @Test("error body has the structure of error-gateway-400-business-exception.json")
    func errorBody() async throws {
        let sample = try ReferenceFiles.json("sap/samples/error-gateway-400-business-exception.json")
        let sampleError = try #require(sample["error"] as? [String: Any])
        let sampleInner = try #require(sampleError["innererror"] as? [String: Any])
        let innerKeys = Set(sampleInner.keys)
        let applicationKeys = Set((sampleInner["application"] as? [String: Any])?.keys.map { $0 } ?? [])
        let detailKeys = Set((sampleInner["errordetails"] as? [[String: Any]])?.first?.keys.map { $0 } ?? [])
        let messageKeys = Set((sampleError["message"] as? [String: Any])?.keys.map { $0 } ?? [])
        try await SAPFixtures.withSAP { client, _, _ in
            let csrf = try await client.fetchCSRF()
            let body = #"{"SalesOrderType":"OR","SalesOrganization":"1010","DistributionChannel":"10","OrganizationDivision":"00","SoldToParty":"17100001","to_Item":[{"Material":"NOPE","RequestedQuantity":"1"}]}"#
            let response = try await client.modify(.post, "/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder",
                                                   json: body, csrf: csrf)
            #expect(response.status == .badRequest)
            let error = try #require(try jsonObject(response)["error"] as? [String: Any])
            let inner = try #require(error["innererror"] as? [String: Any])
            #expect(Set(error.keys) == ["code", "message", "innererror"])
            #expect(Set((error["message"] as? [String: Any])?.keys.map { $0 } ?? []) == messageKeys)
            #expect(innerKeys.subtracting(["Batch_SAP_Note"]).isSubset(of: Set(inner.keys)))
            #expect(Set((inner["application"] as? [String: Any])?.keys.map { $0 } ?? []) == applicationKeys)
            let details = try #require(inner["errordetails"] as? [[String: Any]])
            #expect(details.allSatisfy { Set($0.keys) == detailKeys })
            #expect(details.last?["code"] as? String == "/IWBEP/CX_MGW_BUSI_EXCEPTION")
            #expect((inner["timestamp"] as? String)?.wholeMatch(of: /\d{14}\.\d{7}/) != nil)
            #expect((inner["transactionid"] as? String)?.wholeMatch(of: /[0-9A-F]{32}/) != nil)
        }
    }
}
