import Foundation
import Logging
import NIOHTTP1
import Synchronization
import SyncCore
import SyncHTTP
import Testing
@testable import SAPConnector

/// Records the raw requests (token, CSRF fetch) and answers them from a script.
final class RawRecorder: Sendable {
    private let state = Mutex<(requests: [HTTPRequestSpec], answers: [HTTPResponseData])>(([], []))

    init(answers: [HTTPResponseData]) {
        state.withLock { $0.answers = answers }
    }

    var requests: [HTTPRequestSpec] { state.withLock { $0.requests } }

    func send(_ request: HTTPRequestSpec) throws -> HTTPResponseData {
        try state.withLock { state in
            state.requests.append(request)
            guard !state.answers.isEmpty else {
                throw SyncError(code: .connectionFailed, system: .sap, message: "no scripted answer")
            }
            return state.answers.removeFirst()
        }
    }
}

@Suite("SAP authorization, CSRF handshake and cookie session")
struct VendorTests {
    let logger = Logger(label: "test.sap")

    private func configuration(_ auth: SAPClient.Configuration.Authentication) -> SAPClient.Configuration {
        .init(baseURL: "http://sap.test:8000/", authentication: auth, sapClient: "100")
    }

    @Test("Basic authorization and no CSRF fetch for a GET")
    func basicGet() async throws {
        let raw = RawRecorder(answers: [])
        let vendor = SAPVendor(configuration: configuration(.basic(username: "USER", password: "p:w")), logger: logger) {
            try raw.send($0)
        }
        var request = HTTPRequestSpec(method: .GET, url: "http://sap.test:8000/sap/opu/odata/sap/API_PRODUCT_SRV/A_Product", endpoint: "x")
        try await vendor.authorize(&request)
        #expect(request.headers.first(name: "Authorization") == "Basic " + Data("USER:p:w".utf8).base64EncodedString())
        #expect(request.headers.first(name: "Accept") == "application/json")
        #expect(request.headers.first(name: "x-csrf-token") == nil)
        #expect(raw.requests.isEmpty)
    }

    @Test("CSRF token fetched lazily on the service root, sent with the session cookies, renewed with the same cookies")
    func csrfHandshake() async throws {
        let raw = RawRecorder(answers: [
            HTTPResponseData(status: 200, headers: HTTPHeaders([
                ("x-csrf-token", "TOKEN-1"), ("Set-Cookie", "SAP_SESSIONID_S4H_100=abc; path=/; HttpOnly"),
                ("Set-Cookie", "sap-XSRF_S4H_100=xyz; path=/sap/opu/odata/"),
            ]), body: Data(#"{"d":{"EntitySets":[]}}"#.utf8)),
            HTTPResponseData(status: 200, headers: HTTPHeaders([("x-csrf-token", "TOKEN-2")])),
        ])
        let vendor = SAPVendor(configuration: configuration(.basic(username: "U", password: "P")), logger: logger) {
            try raw.send($0)
        }
        let url = "http://sap.test:8000/sap/opu/odata/sap/API_SALES_ORDER_SRV/A_SalesOrder?sap-client=100"
        var first = HTTPRequestSpec(method: .POST, url: url, endpoint: "A_SalesOrder.create")
        try await vendor.authorize(&first)
        let fetch = try #require(raw.requests.first)
        #expect(fetch.method == .GET)
        #expect(fetch.url == "http://sap.test:8000/sap/opu/odata/sap/API_SALES_ORDER_SRV/?sap-client=100")
        #expect(fetch.headers.first(name: "x-csrf-token") == "Fetch")
        #expect(fetch.headers.first(name: "Authorization")?.hasPrefix("Basic ") == true)
        #expect(first.headers.first(name: "x-csrf-token") == "TOKEN-1")
        #expect(first.headers.first(name: "Cookie") == "SAP_SESSIONID_S4H_100=abc; sap-XSRF_S4H_100=xyz")

        // The token is cached: a second POST costs no fetch.
        var second = HTTPRequestSpec(method: .POST, url: url, endpoint: "A_SalesOrder.create")
        try await vendor.authorize(&second)
        #expect(raw.requests.count == 1)

        // 403 Required -> renewSession: the next request fetches again, sending the session cookies.
        try await vendor.renewSession()
        var third = HTTPRequestSpec(method: .POST, url: url, endpoint: "A_SalesOrder.create")
        try await vendor.authorize(&third)
        #expect(raw.requests.count == 2)
        #expect(raw.requests[1].headers.first(name: "Cookie") == "SAP_SESSIONID_S4H_100=abc; sap-XSRF_S4H_100=xyz")
        #expect(third.headers.first(name: "x-csrf-token") == "TOKEN-2")
    }

    @Test("OAuth client credentials: token request, Bearer header, cache until 60 s before expires_in")
    func oauth() async throws {
        let tokenBody = try Reference.data("sap/samples/xsuaa-client-credentials-token-response.json")
        let raw = RawRecorder(answers: [
            HTTPResponseData(status: 200, body: tokenBody),
            HTTPResponseData(status: 200, body: Data(#"{"access_token":"second","expires_in":43199}"#.utf8)),
        ])
        let clock = Mutex(Date(timeIntervalSince1970: 1_700_000_000))
        let auth = SAPClient.Configuration.Authentication.oauthClientCredentials(
            tokenURL: "https://tenant.authentication.eu10.hana.ondemand.com/oauth/token", clientID: "sb-client!b1",
            clientSecret: "s3cr3t")
        let vendor = SAPVendor(configuration: configuration(auth), logger: logger, now: { clock.withLock { $0 } }) {
            try raw.send($0)
        }
        var request = HTTPRequestSpec(method: .GET, url: "http://sap.test:8000/x", endpoint: "x")
        try await vendor.authorize(&request)
        #expect(request.headers.first(name: "Authorization") == "Bearer some.token.value")
        let tokenRequest = try #require(raw.requests.first)
        #expect(tokenRequest.method == .POST)
        #expect(tokenRequest.url == "https://tenant.authentication.eu10.hana.ondemand.com/oauth/token")
        #expect(String(decoding: tokenRequest.body ?? Data(), as: UTF8.self) == "grant_type=client_credentials&client_id=sb-client%21b1")
        #expect(tokenRequest.headers.first(name: "Authorization") == "Basic " + Data("sb-client!b1:s3cr3t".utf8).base64EncodedString())
        #expect(tokenRequest.headers.first(name: "Content-Type") == "application/x-www-form-urlencoded")

        // Still fresh 43199 - 61 s later; refreshed from 60 s before expiry.
        clock.withLock { $0 = $0.addingTimeInterval(43199 - 61) }
        try await vendor.authorize(&request)
        #expect(raw.requests.count == 1)
        clock.withLock { $0 = $0.addingTimeInterval(2) }
        try await vendor.authorize(&request)
        #expect(raw.requests.count == 2)
        #expect(request.headers.first(name: "Authorization") == "Bearer second")
    }

    @Test("a rejected client gives .authenticationFailed without the secret")
    func oauthRejected() async throws {
        let raw = RawRecorder(answers: [HTTPResponseData(
            status: 401, body: Data(#"{"error":"invalid_client","error_description":"Bad credentials"}"#.utf8))])
        let auth = SAPClient.Configuration.Authentication.oauthClientCredentials(
            tokenURL: "https://auth.test/oauth/token", clientID: "id", clientSecret: "very-secret-value")
        let vendor = SAPVendor(configuration: configuration(auth), logger: logger) { try raw.send($0) }
        var request = HTTPRequestSpec(method: .GET, url: "http://sap.test:8000/x", endpoint: "x")
        let error = try await #require(throws: SyncError.self) { try await vendor.authorize(&request) }
        #expect(error.code == .authenticationFailed)
        #expect(error.vendorCode == "invalid_client")
        #expect(!error.description.contains("very-secret-value"))
    }
}
