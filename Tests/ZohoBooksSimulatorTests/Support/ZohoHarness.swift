import Foundation
import Hummingbird
import HummingbirdTesting
import SimulatorKit
import ZohoBooksSimulator

/// A simulator with a manual clock plus an in-process client (HummingbirdTesting `.router`, authority
/// `localhost`).
struct ZohoHarness: Sendable {
    /// 2026-06-09T17:14:59Z = 2026-06-09T13:14:59-0400 in the seed's America/New_York.
    static let start = Date(timeIntervalSince1970: 1_781_025_299)
    /// The recorded organization id of the samples.
    static let organizationID = "10234695"

    let simulator: ZohoBooksSimulator
    let clock: ManualSimulatorClock

    init(configuration: ZohoBooksSimulator.Configuration = .init()) {
        clock = ManualSimulatorClock(Self.start)
        simulator = ZohoBooksSimulator(configuration: configuration, seed: Self.seed, clock: clock)
    }

    /// Runs `body` with a client of this simulator.
    func run(_ body: @Sendable (ZohoClient) async throws -> Void) async throws {
        let app = Application(router: simulator.buildRouter())
        try await app.test(.router) { client in
            try await body(ZohoClient(client: client, configuration: simulator.configuration))
        }
    }

    /// A seed with the sample organization: USD base currency plus EUR; "Acme Corp" pre-exists in Zoho with
    /// contact persons (one with email), "Brandt & Söhne" pre-exists without any email, and an account that is not
    /// in Zoho yet.
    static let seed: SeedDataset = {
        let json = #"""
            {"organization": {"name": "Example Org", "multiCurrency": true, "defaultCurrency": "USD",
              "currencies": ["USD", "EUR"], "timeZone": "America/New_York", "zohoOrganizationId": "10234695"},
             "plants": [], "products": [],
             "accounts": [
              {"key": "acme", "name": "Acme Corp", "street": "123 Main St", "city": "New York", "postalCode": "10001",
               "country": "US", "existingZohoContact": true,
               "contacts": [{"key": "ann", "firstName": "Ann", "lastName": "Lee", "email": "ann@acme.example"},
                            {"key": "bob", "firstName": "Bob", "lastName": "Ray", "email": "bob@acme.example"}]},
              {"key": "brandt", "name": "Brandt & Söhne", "street": "Hauptstraße 1", "city": "Köln",
               "postalCode": "50667", "country": "DE", "existingZohoContact": true,
               "contacts": [{"key": "kai", "firstName": "Kai", "lastName": "Brandt"}]},
              {"key": "new", "name": "O'Neil Trading", "street": "1 Quay", "city": "Dublin", "postalCode": "D01",
               "country": "IE", "existingZohoContact": false, "contacts": []}],
             "opportunities": [
              {"key": "o1", "account": "brandt", "name": "Deal", "stage": "Closed Won", "currency": "EUR",
               "closeDate": "2026-06-01", "lines": [], "contactRoles": [], "lastModified": "2026-06-01T00:00:00Z"}]}
            """#
        // The literal above is valid by construction; a decoding failure is a test-setup bug.
        return try! SeedDataset.decode(from: Data(json.utf8))
    }()
}

/// A decoded answer.
struct ZohoReply: Sendable {
    var status: Int
    var json: TestJSON
    var headers: HTTPFields
    var text: String

    func header(_ name: String) -> String? { headers[HTTPFields.Element.Name(name)!] }
}

/// Calls the simulator as a Zoho client does.
struct ZohoClient: Sendable {
    let client: any TestClientProtocol
    let configuration: ZohoBooksSimulator.Configuration

    /// `POST /oauth/v2/token` with `parameters` in the query string (`inBody`: as a form body instead).
    func tokenRequest(_ parameters: [String: String], inBody: Bool = false) async throws -> ZohoReply {
        let encoded = parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\(Self.escape($0.value))" }
            .joined(separator: "&")
        if inBody {
            var headers = HTTPFields()
            headers[.contentType] = "application/x-www-form-urlencoded"
            return try await send(.post, "/oauth/v2/token", headers: headers, body: encoded)
        }
        return try await send(.post, "/oauth/v2/token?" + encoded, headers: [:], body: nil)
    }

    /// The refresh-token grant with the configured credentials.
    var refreshParameters: [String: String] {
        [
            "grant_type": "refresh_token", "client_id": configuration.clientID,
            "client_secret": configuration.clientSecret, "refresh_token": configuration.refreshTokens[0],
        ]
    }

    /// A fresh access token.
    func accessToken() async throws -> String {
        try await tokenRequest(refreshParameters).json["access_token"].string ?? ""
    }

    /// A Books API call: `path` under `/books/v3`, `query` without `organization_id` (added unless
    /// `organizationID` is nil), `token` in `Authorization: Zoho-oauthtoken`.
    func api(
        _ method: HTTPRequest.Method, _ path: String, query: String = "", token: String?,
        organizationID: String? = ZohoHarness.organizationID, body: String? = nil,
        contentType: String = "application/json"
    ) async throws -> ZohoReply {
        var parts: [String] = []
        if let organizationID { parts.append("organization_id=\(organizationID)") }
        if !query.isEmpty { parts.append(query) }
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Zoho-oauthtoken \(token)" }
        if body != nil { headers[.contentType] = contentType }
        let uri = "/books/v3/\(path)" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
        return try await send(method, uri, headers: headers, body: body)
    }

    /// A raw request.
    func send(_ method: HTTPRequest.Method, _ uri: String, headers: HTTPFields, body: String?) async throws
        -> ZohoReply
    {
        let response = try await client.execute(
            uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
        let text = String(buffer: response.body)
        let json = (try? TestJSON.parse(text)) ?? .null
        return ZohoReply(status: Int(response.status.code), json: json, headers: response.headers, text: text)
    }

    /// Query-component escaping (`+` as `%2B`).
    static func escape(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }
}
