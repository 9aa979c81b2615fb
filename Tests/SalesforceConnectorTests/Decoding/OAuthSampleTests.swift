import Foundation
import SyncCore
import SyncHTTP
import Testing
@testable import SalesforceConnector

@Suite("OAuth samples")
struct OAuthSampleTests {
    @Test("token responses give the access token and instance URL (extra fields ignored)",
          arguments: ["oauth/jwt-bearer-token-response.200.json", "oauth/password-flow-token-response.200.json"])
    func tokenResponse(_ file: String) throws {
        let raw = try #require(try Reference.foundation(file) as? [String: String])
        let token = try SalesforceAccessToken(responseBody: try Reference.data(file))
        #expect(token.accessToken == raw["access_token"])
        #expect(token.instanceURL == raw["instance_url"])
        let response = HTTPResponseData(status: 200, body: try Reference.data(file))
        guard case .success = SalesforceLoginVendor().classify(response, for: Self.request) else {
            Issue.record("expected success"); return
        }
    }

    static let request = HTTPRequestSpec(method: .POST, url: "https://login.salesforce.com/services/oauth2/token", endpoint: "oauth2.token")

    @Test("OAuth error bodies become authentication failures quoting error_description",
          arguments: try Reference.files(in: "oauth").filter { $0.contains("/error-") })
    func errors(_ file: String) throws {
        let raw = try #require(try Reference.foundation(file) as? [String: String])
        let response = HTTPResponseData(status: 400, body: try Reference.data(file))
        guard case .failure(let error) = SalesforceLoginVendor().classify(response, for: Self.request) else {
            Issue.record("expected failure"); return
        }
        #expect(error.code == (raw["error"] == "unsupported_grant_type" ? .malformedRequest : .authenticationFailed))
        #expect(error.vendorCode == raw["error"])
        #expect(error.message.contains(try #require(raw["error_description"])))
        #expect(!error.isRetryable)
    }

    @Test("a token response without instance_url is malformed")
    func incomplete() {
        #expect(throws: SyncError.self) { try SalesforceAccessToken(responseBody: Data(#"{"access_token":"x"}"#.utf8)) }
    }
}
