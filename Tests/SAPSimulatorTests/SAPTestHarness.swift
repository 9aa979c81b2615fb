import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import SAPSimulator
import SimulatorKit
import Testing

/// Test data and a client wrapper for the SAP simulator.
enum SAPFixtures {
    /// 2026-06-01T10:00:00Z.
    static let start = Date(timeIntervalSince1970: 1_780_308_000)
    /// Number of generated paging products (`PAGE-0001` …).
    static let pagingProducts = 240

    /// A small deterministic dataset: TG11/TG12 with stock in plants 1010 and 1710, paging products, an SAP-unknown
    /// product, and one account with the pre-existing Business Partner 17100001.
    static func seed() -> SeedDataset {
        func product(_ code: String, _ name: String, _ unit: String, _ prices: [String: String],
                     _ stock: [(String, String, String)], _ changed: String, inSAP: Bool = true) -> [String: Any] {
            [
                "code": code, "name": name, "baseUnit": unit, "listPrices": prices,
                "stock": stock.map { ["plant": $0.0, "storageLocation": $0.1, "quantity": $0.2] },
                "lastChangeDateTime": changed, "inSalesforce": true, "inSAP": inSAP,
            ]
        }
        var products: [[String: Any]] = [
            product("TG11", "Trading Good 11", "PC", ["EUR": "100.00"],
                    [("1010", "101A", "50"), ("1010", "101B", "25.5"), ("1710", "171A", "10")], "2026-05-01T08:00:00Z"),
            product("TG12", "Trading Good 12", "KG", ["EUR": "12.50"], [("1010", "101A", "7.250")], "2026-05-02T08:00:00Z"),
            product("NOT-IN-SAP", "Salesforce only", "PC", [:], [], "2026-05-03T08:00:00Z", inSAP: false),
        ]
        for index in 1...pagingProducts {
            products.append(product(String(format: "PAGE-%04d", index), "Paging product \(index)", "PC", [:],
                                    [("1010", "101A", "1")], "2026-04-01T00:00:00Z"))
        }
        let dataset: [String: Any] = [
            "organization": [
                "name": "Test", "multiCurrency": true, "defaultCurrency": "EUR", "currencies": ["EUR"],
                "timeZone": "UTC", "zohoOrganizationId": "1",
            ],
            "plants": [
                ["plant": "1010", "name": "Plant 1 DE", "storageLocations": ["101A", "101B"]],
                ["plant": "1710", "name": "Plant 1 US", "storageLocations": ["171A"]],
            ],
            "products": products,
            "accounts": [[
                "key": "acc-1", "name": "O'Neil & Söhne Handelsgesellschaft mit beschränkter Haftung",
                "street": "Hauptstr. 1", "city": "Walldorf", "postalCode": "69190", "country": "DE", "contacts": [],
                "existingSAPBusinessPartner": "17100001", "existingZohoContact": false,
            ]],
            "opportunities": [],
        ]
        // The dataset literal above is well-formed; a decoding failure is a test bug.
        return try! SeedDataset.decode(from: JSONSerialization.data(withJSONObject: dataset))
    }

    /// Runs `body` against a fresh simulator served through the Hummingbird router test framework.
    static func withSAP<T: Sendable>(
        _ configuration: SAPSimulator.Configuration = .init(),
        _ body: @Sendable (SAPTestClient, SAPSimulator, ManualSimulatorClock) async throws -> T
    ) async throws -> T {
        let clock = ManualSimulatorClock(start)
        let simulator = SAPSimulator(configuration: configuration, seed: seed(), clock: clock)
        let app = Application(router: simulator.buildRouter())
        return try await app.test(.router) { client in
            try await body(SAPTestClient(client: client, configuration: configuration), simulator, clock)
        }
    }
}

/// Convenience requests against the simulator (Basic auth by default).
struct SAPTestClient: Sendable {
    let client: any TestClientProtocol
    let configuration: SAPSimulator.Configuration
    static let csrf = HTTPField.Name("x-csrf-token")!

    /// `Authorization: Basic …` for the configured user.
    var basic: String {
        "Basic " + Data("\(configuration.user):\(configuration.password)".utf8).base64EncodedString()
    }

    /// Sends a request; `auth` nil means no Authorization header.
    func send(
        _ method: HTTPRequest.Method, _ uri: String, json: String? = nil, headers: HTTPFields = [:],
        auth: String?? = .none
    ) async throws -> TestResponse {
        var fields = headers
        let authorization: String? = auth ?? basic
        if let authorization { fields[.authorization] = authorization }
        if json != nil { fields[.contentType] = "application/json" }
        if fields[.accept] == nil { fields[.accept] = "application/json" }
        return try await client.execute(
            uri: uri, method: method, headers: fields, body: json.map { ByteBuffer(string: $0) })
    }

    /// `GET` with Basic auth and JSON accepted.
    func get(_ uri: String, headers: HTTPFields = [:]) async throws -> TestResponse {
        try await send(.get, uri, headers: headers)
    }

    /// Performs the CSRF fetch on a service root; returns the token and the `Cookie` header value.
    func fetchCSRF(service: String = "API_SALES_ORDER_SRV", cookie: String? = nil) async throws -> (token: String, cookie: String) {
        var headers: HTTPFields = [Self.csrf: "Fetch"]
        if let cookie { headers[.cookie] = cookie }
        let response = try await send(.get, "/sap/opu/odata/sap/\(service)/", headers: headers)
        let token = try #require(response.headers[Self.csrf])
        return (token, Self.cookieHeader(from: response))
    }

    /// Turns `Set-Cookie` headers into a `Cookie` header value.
    static func cookieHeader(from response: TestResponse) -> String {
        response.headers[values: .setCookie].compactMap { $0.split(separator: ";").first.map(String.init) }
            .joined(separator: "; ")
    }

    /// A modifying request carrying the CSRF token and cookies.
    func modify(
        _ method: HTTPRequest.Method, _ uri: String, json: String?, csrf: (token: String, cookie: String),
        headers: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = headers
        fields[Self.csrf] = csrf.token
        fields[.cookie] = csrf.cookie
        return try await send(method, uri, json: json, headers: fields)
    }
}

/// Parses a response body as a JSON object.
func jsonObject(_ response: TestResponse) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
}

/// The `d` member of an OData V2 response.
func dObject(_ response: TestResponse) throws -> [String: Any] {
    try #require(try jsonObject(response)["d"] as? [String: Any])
}

/// The `d.results` rows of an OData V2 collection response.
func results(_ response: TestResponse) throws -> [[String: Any]] {
    try #require(try dObject(response)["results"] as? [[String: Any]])
}

/// The `error.code` of a V2 error body.
func errorCode(_ response: TestResponse) throws -> String? {
    (try jsonObject(response)["error"] as? [String: Any])?["code"] as? String
}

/// The `error.message.value` of a V2 error body.
func errorMessage(_ response: TestResponse) throws -> String? {
    ((try jsonObject(response)["error"] as? [String: Any])?["message"] as? [String: Any])?["value"] as? String
}
