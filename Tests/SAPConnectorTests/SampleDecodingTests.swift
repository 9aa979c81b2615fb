import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP
import Testing
@testable import SAPConnector

/// Decoding of every sample in `reference/sap/samples`, with expected values read from the samples.
@Suite("SAP sample decoding")
struct SampleDecodingTests {
    @Test("A_SalesOrder collection page: numbers, exact TotalNetAmount, LastChangeDateTime")
    func salesOrderPage() throws {
        let data = try Reference.data("sap/samples/so-A_SalesOrder-collection-page.json")
        let page = try JSONDecoder().decode(ODataCollectionPage<SalesOrderWire>.self, from: data)
        let raw = try #require((Reference.jsonObject("sap/samples/so-A_SalesOrder-collection-page.json")["d"]
            as? [String: Any])?["results"] as? [[String: Any]])
        #expect(page.results.count == raw.count)
        #expect(page.next == nil)
        #expect(page.count == nil)
        for (order, row) in zip(page.results.map(\.model), raw) {
            #expect(order.number == row["SalesOrder"] as? String)
            #expect(order.purchaseOrderByCustomer == row["PurchaseOrderByCustomer"] as? String)
            #expect(order.soldToParty == row["SoldToParty"] as? String)
            #expect("\(order.totalNetAmount.amount)" == (row["TotalNetAmount"] as? String).map { text in
                // "3330.60" reads as the Decimal 3330.6: compare numerically.
                "\(Decimal(string: text)!)"
            })
            #expect(order.totalNetAmount.currency == row["TransactionCurrency"] as? String)
            // The etag is the same instant in ISO form: W/"datetimeoffset'2005-10-24T15%3A36%3A52.0000000Z'".
            let etag = try #require((row["__metadata"] as? [String: Any])?["etag"] as? String)
            let iso = try #require(etag.components(separatedBy: "'").dropFirst().first?.removingPercentEncoding)
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            #expect(order.lastChangeDateTime == formatter.date(from: iso.replacingOccurrences(of: ".0000000Z", with: ".000Z")))
            #expect(order.items.isEmpty)  // to_Item is __deferred
        }
        let first = try #require(page.results.first?.model)
        #expect(first.number == "4000043")
        #expect(first.totalNetAmount == Money(Decimal(sign: .plus, exponent: -2, significand: 265_624), "EUR"))
        #expect(first.lastChangeDateTime == Reference.utc("2005-10-24T15:36:52Z"))
    }

    @Test("A_BusinessPartner single entity with expanded address")
    func businessPartner() throws {
        let data = try Reference.data("sap/samples/bp-A_BusinessPartner-single-expand-address.json")
        let partner = try JSONDecoder().decode(ODataEntityEnvelope<BusinessPartnerWire>.self, from: data).entity.model
        let raw = try #require(Reference.jsonObject("sap/samples/bp-A_BusinessPartner-single-expand-address.json")["d"]
            as? [String: Any])
        #expect(partner.number == raw["BusinessPartner"] as? String)
        #expect(partner.number == "1003764")
        #expect(partner.customer == "")  // `Customer` is "" and to_Customer is __deferred
        #expect(partner.name == raw["BusinessPartnerFullName"] as? String)
        #expect(partner.externalReference == "")
    }

    @Test("collection with __count as a string and an absolute __next")
    func inlineCountAndNext() throws {
        struct Customer: Decodable { var CustomerID: String }
        let data = try Reference.data("sap/samples/odata-v2-collection-inlinecount-next.json")
        let page = try JSONDecoder().decode(ODataCollectionPage<Customer>.self, from: data)
        let d = try #require(Reference.jsonObject("sap/samples/odata-v2-collection-inlinecount-next.json")["d"] as? [String: Any])
        #expect(page.count == Int(d["__count"] as? String ?? ""))
        #expect(page.count == 2)
        #expect(page.next == d["__next"] as? String)
        #expect(page.results.map(\.CustomerID) == ["ALFKI", "ANATR"])
    }

    @Test("Gateway 400 business exception becomes .validationFailed with SAP's texts")
    func businessException() throws {
        let body = try Reference.data("sap/samples/error-gateway-400-business-exception.json")
        let error = classifiedError(status: 400, body: body, endpoint: "A_SalesOrder.create", method: .POST)
        #expect(error.code == .validationFailed)
        #expect(error.system == .sap)
        #expect(error.vendorCode == "ZCU/100")
        #expect(error.httpStatus == 400)
        #expect(error.message.contains("Service 0000000003 0000000010 niet gevonden voor operatie 0410"))
        #expect(error.message.contains("Fout bij wijzigen PE order."))
        // The main text is not repeated for the identical first detail.
        #expect(error.message.components(separatedBy: "niet gevonden").count == 2)
    }

    @Test("the error part of a $batch response is classified the same way")
    func batchErrorPart() throws {
        let text = String(decoding: try Reference.data("sap/samples/batch-response-multipart.txt"), as: UTF8.self)
        let errorLine = try #require(text.components(separatedBy: "\n").first { $0.hasPrefix("{\"error\"") })
        let error = classifiedError(status: 400, body: Data(errorLine.utf8), endpoint: "$batch", method: .POST)
        #expect(error.code == .validationFailed)
        #expect(error.vendorCode == "ZCU/100")
        #expect(error.message.hasPrefix("Service 0000000003 0000000010 niet gevonden voor operatie 0410"))
    }

    @Test("sap-message header of a 201 is read into readable lines")
    func sapMessageHeader() throws {
        let sample = try Reference.jsonObject("sap/samples/so-simulation-POST-201-response-headers.json")
        let headers = try #require(sample["headers"] as? [String: String])
        let message = try #require(SAPMessageHeader.parse(headers["sap-message"]))
        #expect(message.code == "SLS_LORD/033")
        #expect(message.lines.first == "SLS_LORD/033: The document  cannot be saved.")
        #expect(message.lines.contains("V1/263: Item 000010 can not be invoiced according to the billing plan"))
        #expect(message.lines.count == 4)
        // The same header on an error answer without a JSON body gives the message.
        var httpHeaders = HTTPHeaders()
        httpHeaders.add(name: "sap-message", value: headers["sap-message"]!)
        let error = classifiedError(status: 400, body: Data(), headers: httpHeaders, endpoint: "x", method: .POST)
        #expect(error.vendorCode == "SLS_LORD/033")
        #expect(error.message.contains("Document is incomplete"))
    }

    @Test("XSUAA client-credentials token response")
    func tokenResponse() throws {
        let data = try Reference.data("sap/samples/xsuaa-client-credentials-token-response.json")
        let token = try JSONDecoder().decode(SAPVendor.AccessTokenResponse.self, from: data)
        #expect(token.accessToken == "some.token.value")
        #expect(token.expiresIn == 43199)
    }
}

/// The error `SAPResponseClassifier` makes of a response.
func classifiedError(
    status: Int, body: Data, headers: HTTPHeaders = [:], endpoint: String, method: HTTPMethod = .GET
) -> SyncError {
    let request = HTTPRequestSpec(method: method, url: "http://sap.test/x", endpoint: endpoint)
    let response = HTTPResponseData(status: status, headers: headers, body: body)
    switch SAPResponseClassifier.classify(response, for: request, canRefresh: true) {
    case .failure(let error): return error
    default: return SyncError(code: .configuration, system: .sap, message: "not a failure")
    }
}
