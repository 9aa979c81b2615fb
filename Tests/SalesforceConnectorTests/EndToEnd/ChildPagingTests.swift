import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import SimulatorKit
import SyncCore
import SyncHTTP
import Synchronization
import Testing
@testable import SalesforceConnector

/// A child QueryResult with `done: false` (reference §3, simple-salesforce issue 311) is completed through its own
/// `nextRecordsUrl`. The Salesforce simulator does not split child results, so a small canned server answers here.
@Suite("Child subquery paging")
struct ChildPagingTests {
    static func lineItem(_ id: String, _ quantity: String) -> String {
        #"{"attributes":{"type":"OpportunityLineItem","url":"/x"},"Id":"\#(id)","Product2Id":null,"Product2":null,"#
            + #""Quantity":\#(quantity),"UnitPrice":1.0,"TotalPrice":\#(quantity),"Description":null}"#
    }

    static func page() -> String {
        #"""
        {"totalSize":1,"done":true,"records":[{"attributes":{"type":"Opportunity","url":"/x"},
         "Id":"0067Q00000AbCdEQAV","Name":"Big","AccountId":null,"Account":null,"StageName":"Closed Won","IsWon":true,
         "IsClosed":true,"CloseDate":"2026-01-31","Amount":3.0,"LastModifiedDate":"2026-01-31T10:00:00.000+0000",
         "SystemModstamp":"2026-01-31T10:00:00.000+0000","IsDeleted":false,
         "OpportunityLineItems":{"totalSize":3,"done":false,"nextRecordsUrl":"/services/data/v60.0/query/01g7Q000000AbCdQAK-2",
           "records":[\#(lineItem("00k7Q000002AbCdQAK", "1.0")),\#(lineItem("00k7Q000002AbCeQAK", "1.0"))]},
         "OpportunityContactRoles":null}]}
        """#
    }

    static func childPage() -> String {
        #"{"totalSize":3,"done":true,"records":[\#(lineItem("00k7Q000002AbCfQAK", "0.1"))]}"#
    }

    static func json(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    static func read(baseURL: String, httpClient: HTTPClient, into collector: PageCollector<Opportunity>) async throws {
        let client = try SalesforceClient(
            configuration: .init(
                loginURL: baseURL, clientID: "id", username: "user", privateKeyPEM: TestKeys.privateKeyPEM,
                billingCountryCode: false),
            httpClient: httpClient, logger: SimulatorHarness.logger, sleeper: SimulatorHarness.NoSleep())
        try await client.forEachOpportunityPage(OpportunityQuery()) { collector.append($0) }
    }

    @Test("the missing child rows are fetched before the page is handed on")
    func completesChildren() async throws {
        let seenOptions = Mutex<[String]>([])
        let router = Router(context: BasicRequestContext.self)
        router.post("/services/oauth2/token") { request, _ in
            let host = request.head.authority ?? ""
            return Self.json(#"{"access_token":"00Dtest!token","instance_url":"http://\#(host)","token_type":"Bearer"}"#)
        }
        router.get("/services/data/v60.0/query") { request, _ in
            seenOptions.withLock { $0.append(request.headers[HTTPField.Name("Sforce-Query-Options")!] ?? "") }
            return Self.json(Self.page())
        }
        router.get("/services/data/v60.0/query/:locator") { request, _ in
            seenOptions.withLock { $0.append(request.headers[HTTPField.Name("Sforce-Query-Options")!] ?? "") }
            return Self.json(Self.childPage())
        }
        try await withSimulatorServer(router: router, logger: SimulatorHarness.logger) { baseURL in
            let httpClient = try makeHTTPClient(configuration: HTTPTransport.Configuration())
            let collector = PageCollector<Opportunity>()
            do {
                try await Self.read(baseURL: baseURL, httpClient: httpClient, into: collector)
                try await httpClient.shutdown()
            } catch {
                try? await httpClient.shutdown()
                throw error
            }
            let opportunity = try #require(collector.all.first?.first)
            #expect(opportunity.lineItems.map(\.id) == ["00k7Q000002AbCdQAK", "00k7Q000002AbCeQAK", "00k7Q000002AbCfQAK"])
            #expect(opportunity.lineItems.last?.quantity == Decimal(string: "0.1"))
            #expect(opportunity.account == nil)
            #expect(seenOptions.withLock { $0 } == ["batchSize=2000", "batchSize=2000"])
        }
    }
}
