import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import SimulatorKit
import Testing

@testable import SalesforceSimulator

/// A simulator on a manual clock with a small seed, and helpers to call it over HTTP.
struct Harness {
    static let start = Date(timeIntervalSince1970: 1_796_126_400)  // 2026-12-01T12:00:00Z
    let simulator: SalesforceSimulator
    let clock: ManualSimulatorClock

    /// A simulator seeded with `seed`, or with the small test seed below.
    init(configuration: SalesforceSimulator.Configuration = .init(), seed: SeedDataset? = nil, extraAccounts: Int = 0,
         multiCurrency: Bool = true) {
        clock = ManualSimulatorClock(Self.start)
        simulator = SalesforceSimulator(
            configuration: configuration, seed: seed ?? Self.seed(extraAccounts: extraAccounts, multiCurrency: multiCurrency),
            clock: clock)
    }

    /// Two named accounts (one needing escapes), contacts with and without email, two Product2 (plus an SAP-only
    /// material), a Closed Won Opportunity with two lines, an open and a Closed Lost one.
    static func seed(extraAccounts: Int, multiCurrency: Bool) -> SeedDataset {
        let bulk = (0..<extraAccounts).map { index in
            String(
                format: #"{"key":"bulk%d","name":"Bulk %04d","street":"","city":"","postalCode":"","country":"FR","contacts":[],"existingZohoContact":false}"#,
                index, index)
        }
        let product = { (code: String, name: String, inSalesforce: Bool) in
            #"{"code":"\#(code)","name":"\#(name)","baseUnit":"PC","listPrices":{"EUR":"10.00","USD":"11.00"},"stock":[],"lastChangeDateTime":"2026-11-01T08:00:00Z","inSalesforce":\#(inSalesforce),"inSAP":true}"#
        }
        let json = #"""
            {"organization":{"name":"Test","multiCurrency":\#(multiCurrency),"defaultCurrency":"EUR","currencies":["EUR","USD"],"timeZone":"UTC","zohoOrganizationId":"1"},
             "plants":[],
             "products":[\#(product("P-100", "Widget", true)),\#(product("P-200", "Gadget", true)),\#(product("M-900", "SAP only", false))],
             "accounts":[
              {"key":"obrien","name":"O'Brien & Söhne Maschinenbau Gesellschaft mbH","street":"Hauptstraße 1","city":"München","postalCode":"80331","country":"DE",
               "contacts":[{"key":"anna","firstName":"Anna","lastName":"Müller","email":"anna@obrien.example"},
                           {"key":"bernd","firstName":"Bernd","lastName":"Back\\slash"}],"existingZohoContact":false},
              {"key":"acme","name":"Acme_100% Corp","street":"1 Main St","city":"Springfield","postalCode":"12345","country":"US",
               "contacts":[{"key":"carl","firstName":"Carl","lastName":"Doe","email":"carl@acme.example"}],"existingZohoContact":false}
              \#(bulk.isEmpty ? "" : "," + bulk.joined(separator: ","))],
             "opportunities":[
              {"key":"won","account":"obrien","name":"Won deal","stage":"Closed Won","currency":"EUR","closeDate":"2026-11-30",
               "lines":[{"product":"P-100","quantity":"3","unitPrice":"19.99"},{"product":"P-200","quantity":"1.5","unitPrice":"0.1"}],
               "contactRoles":["anna","bernd"],"lastModified":"2026-11-30T10:00:00Z"},
              {"key":"open","account":"acme","name":"Open deal","stage":"Prospecting","currency":"USD","closeDate":"2027-01-15",
               "lines":[],"contactRoles":[],"lastModified":"2026-11-29T09:30:00Z"},
              {"key":"lost","account":"acme","name":"Lost deal","stage":"Closed Lost","currency":"USD","closeDate":"2026-10-01",
               "lines":[],"contactRoles":["carl"],"lastModified":"2026-10-01T00:00:00Z"}]}
            """#
        return try! SeedDataset.decode(from: Data(json.utf8))
    }

    /// Runs `body` with a test client of the simulator's router.
    func withClient<R: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> R) async throws -> R {
        let app = Application(router: simulator.buildRouter())
        return try await app.test(.router) { client in try await body(client) }
    }
}

/// A decoded response.
struct Reply: Sendable {
    var status: Int
    var headers: HTTPFields
    var text: String
    var json: JSONValue? { try? JSONParser.parse(text) }
}

extension TestClientProtocol {
    /// Sends a request and collects the reply.
    func call(_ method: HTTPRequest.Method, _ uri: String, token: String? = nil, body: String? = nil,
              headers extra: [String: String] = [:]) async throws -> Reply {
        var headers = HTTPFields()
        if let token { headers[.authorization] = "Bearer \(token)" }
        if body != nil { headers[.contentType] = "application/json" }
        for (name, value) in extra { headers[HTTPField.Name(name)!] = value }
        return try await execute(uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) }) {
            Reply(status: Int($0.status.code), headers: $0.headers, text: String(buffer: $0.body))
        }
    }

    /// Obtains an access token through the JWT bearer flow with the sandbox credentials.
    func accessToken(now: Date) async throws -> String {
        let assertion = try await Assertion.sign(Assertion.Claims.valid(now: now))
        let tokenReply = try await tokenRequest(assertion: assertion)
        return try #require(tokenReply.json?["access_token"]?.stringValue)
    }

    /// `POST /services/oauth2/token` with the JWT bearer grant (or another grant type).
    func tokenRequest(assertion: String, grantType: String = "urn:ietf:params:oauth:grant-type:jwt-bearer") async throws -> Reply {
        let form = "grant_type=\(grantType.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)&assertion=\(assertion)"
        var headers = HTTPFields()
        headers[.contentType] = "application/x-www-form-urlencoded"
        return try await execute(uri: "/services/oauth2/token", method: .post, headers: headers, body: ByteBuffer(string: form)) {
            Reply(status: Int($0.status.code), headers: $0.headers, text: String(buffer: $0.body))
        }
    }
}

/// Signs JWT bearer assertions with the sandbox private key.
enum Assertion {
    struct Claims: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var exp: Int

        func verify(using algorithm: some JWTAlgorithm) async throws {}

        static func valid(now: Date) -> Claims {
            Claims(
                iss: "3MVG9CRMSyncSandboxConsumerKey", sub: "integration@crmsync.sandbox", aud: "https://login.salesforce.com",
                exp: Int(now.timeIntervalSince1970) + 180)
        }
    }

    /// The claims as simple-salesforce writes them: `exp` as a string of seconds (its `login.py`).
    struct StringExpClaims: JWTPayload {
        var iss: String
        var sub: String
        var aud: String
        var exp: String

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    static func sign(_ claims: some JWTPayload) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(rsa: try Insecure.RSA.PrivateKey(pem: SalesforceSandboxCredentials.privateKeyPEM), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }
}

/// `/services/data/v60.0/<resource>?q=<SOQL, percent-encoded>`.
func queryURI(_ soql: String, resource: String = "query") -> String {
    var allowed = CharacterSet.alphanumerics
    allowed.insert(charactersIn: "-._~")
    return "/services/data/v60.0/\(resource)?q=\(soql.addingPercentEncoding(withAllowedCharacters: allowed)!)"
}

extension JSONValue {
    /// `records` of a QueryResult.
    var records: [JSONValue] { self["records"]?.arrayValue ?? [] }
}
