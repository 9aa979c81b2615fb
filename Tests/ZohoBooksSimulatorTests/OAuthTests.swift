import Foundation
import Testing
import ZohoBooksSimulator

@Suite("Zoho Accounts token endpoint")
struct OAuthTests {
    @Test("refresh grant answers the documented members, api_domain from the Host")
    func refreshSuccess() async throws {
        let harness = ZohoHarness()
        let expected = try Reference.zohoBody("oauth/refresh-token.success.json")
        try await harness.run { client in
            for inBody in [false, true] {
                let reply = try await client.tokenRequest(client.refreshParameters, inBody: inBody)
                #expect(reply.status == 200)
                #expect(reply.json.keys == expected.keys)
                #expect(reply.json["expires_in"] == expected["expires_in"])
                #expect(reply.json["token_type"] == expected["token_type"])
                #expect(reply.json["api_domain"].string == "http://localhost")
                #expect(reply.json["access_token"].string?.hasPrefix("1000.") == true)
            }
        }
    }

    @Test("errors come back with HTTP 200 and the recorded bodies")
    func errorsAreHTTP200() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            var wrongClient = client.refreshParameters
            wrongClient["client_id"] = "1000.OTHER"
            var wrongSecret = client.refreshParameters
            wrongSecret["client_secret"] = "nope"
            var unknownToken = client.refreshParameters
            unknownToken["refresh_token"] = "1000.revoked.token"
            let cases = [
                (wrongClient, "oauth/error-invalid_client.json"),
                (wrongSecret, "oauth/error-invalid_client_secret.json"),
                (unknownToken, "oauth/error-invalid_code.json"),
            ]
            for (parameters, sample) in cases {
                let recorded = try Reference.zohoSample(sample)["response"]
                let reply = try await client.tokenRequest(parameters)
                #expect(reply.status == recorded["status"].int)
                #expect(reply.json == recorded["body"])
            }
        }
    }

    @Test("the 11th token of a refresh token within 10 minutes is Access Denied until the window passes")
    func tenTokensPerTenMinutes() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoSample("oauth/error-rate-limited.json")["response"]
        try await harness.run { client in
            for _ in 0..<10 {
                #expect(try await client.tokenRequest(client.refreshParameters).json["access_token"].string != nil)
                harness.clock.advance(bySeconds: 30)
            }
            let denied = try await client.tokenRequest(client.refreshParameters)
            #expect(denied.status == recorded["status"].int)
            #expect(denied.json == recorded["body"])
            harness.clock.advance(bySeconds: 600 - 300 + 1)
            #expect(try await client.tokenRequest(client.refreshParameters).json["access_token"].string != nil)
        }
    }

    @Test("the throttle status can be 200 (Kaizen #43)")
    func throttleStatusConfigurable() async throws {
        let harness = ZohoHarness(configuration: .init(tokenThrottleStatus: 200))
        try await harness.run { client in
            for _ in 0..<10 { _ = try await client.tokenRequest(client.refreshParameters) }
            let denied = try await client.tokenRequest(client.refreshParameters)
            #expect(denied.status == 200)
            #expect(denied.json["error"].string == "Access Denied")
        }
    }

    @Test("an access token expires after expires_in seconds (401 code 57)")
    func accessTokenExpires() async throws {
        let harness = ZohoHarness()
        let expired = try Reference.zohoError(when: "expired/revoked/foreign access token")
        try await harness.run { client in
            let token = try await client.accessToken()
            harness.clock.advance(bySeconds: 3599)
            #expect(try await client.api(.get, "contacts", token: token).status == 200)
            harness.clock.advance(bySeconds: 1)
            let reply = try await client.api(.get, "contacts", token: token)
            #expect(reply.status == 401)
            #expect(reply.json == expired)
        }
    }
}
