import Foundation
import Testing
import ZohoBooksSimulator

@Suite("Books API authentication and organization checks")
struct AuthAndOrganizationTests {
    @Test("no Authorization header is 401 code 14; an unknown token is 401 code 57")
    func authorization() async throws {
        let harness = ZohoHarness()
        let missing = try Reference.zohoError(when: "no usable Authorization header")
        let invalid = try Reference.zohoError(when: "expired/revoked/foreign access token")
        try await harness.run { client in
            let none = try await client.api(.get, "invoices", token: nil)
            #expect(none.status == 401)
            #expect(none.json == missing)
            let unknown = try await client.api(.get, "invoices", token: "1000.not.issued")
            #expect(unknown.status == 401)
            #expect(unknown.json == invalid)
        }
    }

    @Test("a revoked token answers 401 code 57")
    func revokedToken() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            harness.simulator.revokeAccessTokens()
            #expect(try await client.api(.get, "contacts", token: token).json["code"].int == 57)
        }
    }

    @Test("a foreign organization_id is 400 code 6041 naming it; a missing one is refused")
    func organization() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoError(when: "organization_id not an organization of the token's user")
        try await harness.run { client in
            let token = try await client.accessToken()
            let other = "99999999"
            let wrong = try await client.api(.get, "contacts", token: token, organizationID: other)
            #expect(wrong.status == 400)
            #expect(wrong.json["code"] == recorded["code"])
            #expect(wrong.json["message"].string
                == recorded["message"].string?.replacingOccurrences(of: "10234695", with: other))
            let missing = try await client.api(.get, "contacts", token: token, organizationID: nil)
            #expect(missing.status == 400)
            #expect(missing.json["code"].int != 0)
            #expect(try await client.api(.get, "organizations", token: token, organizationID: nil).status == 200)
        }
    }

    @Test("form-encoded bodies are 1038; the legacy JSONString form parameter is accepted")
    func bodyEncoding() async throws {
        let harness = ZohoHarness()
        let when = "request body is not JSON (e.g. form-encoded key=value)"
        let recorded = try Reference.zohoError(when: when)
        let recordedStatus = try Reference.zohoErrorStatus(when: when)
        try await harness.run { client in
            let token = try await client.accessToken()
            let form = try await client.api(
                .post, "contacts", token: token, body: "contact_name=Form+Corp",
                contentType: "application/x-www-form-urlencoded")
            #expect(form.status == recordedStatus)
            #expect(form.json == recorded)
            let legacy = try await client.api(
                .post, "contacts", token: token,
                body: "JSONString=" + ZohoClient.escape(#"{"contact_name":"Legacy Corp"}"#),
                contentType: "application/x-www-form-urlencoded")
            #expect(legacy.status == 201)
            #expect(legacy.json["contact"]["contact_name"].string == "Legacy Corp")
        }
    }
}
