import Foundation
import Testing

@testable import SalesforceSimulator

@Suite("JWT bearer token endpoint")
struct OAuthTests {
    let harness = Harness()

    @Test func validAssertionGetsTokenResponse() async throws {
        let now = Harness.start
        try await harness.withClient { client in
            let reply = try await client.tokenRequest(assertion: try await Assertion.sign(Assertion.Claims.valid(now: now)))
            #expect(reply.status == 200)
            let body = try #require(reply.json)
            let sample = try Reference.json("oauth/jwt-bearer-token-response.200.json")
            for member in sample.objectMembers ?? [] { #expect(body[member.0] != nil, "missing \(member.0)") }
            #expect(body["token_type"] == .string("Bearer"))
            #expect(body["refresh_token"] == nil)  // the JWT flow issues none
            let instance = try #require(body["instance_url"]?.stringValue)
            #expect(body["id"]?.stringValue?.hasPrefix("\(instance)/id/00D") == true)
            #expect(body["issued_at"] == .string("1796126400000"))
            let token = try #require(body["access_token"]?.stringValue)
            let query = try await client.call(.get, "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", token: token)
            #expect(query.status == 200)
        }
    }

    @Test(arguments: [
        ("iss", "oauth/error-invalid-client-id.400.json"),
        ("aud", "oauth/error-invalid-grant-audience-invalid.400.json"),
        ("exp", "oauth/error-invalid-grant-expired-authorization-code.400.json"),
        ("sub", "oauth/error-invalid-grant-user-not-approved.400.json"),
        ("signature", "oauth/error-invalid-grant-invalid-assertion.400.json"),
        ("garbage", "oauth/error-invalid-grant-invalid-assertion.400.json"),
    ])
    func badAssertionsGetDocumentedBodies(defect: String, sample: String) async throws {
        var claims = Assertion.Claims.valid(now: Harness.start)
        switch defect {
        case "iss": claims.iss = "someone-else"
        case "aud": claims.aud = "https://yourInstance.my.salesforce.com"
        case "exp": claims.exp = Int(Harness.start.timeIntervalSince1970) - 1
        case "sub": claims.sub = "nobody@example.com"
        default: break
        }
        var assertion = try await Assertion.sign(claims)
        if defect == "signature" {
            var segments = assertion.split(separator: ".").map(String.init)
            let first = segments[2].removeFirst()
            segments[2] = (first == "A" ? "B" : "A") + segments[2]
            assertion = segments.joined(separator: ".")
        }
        if defect == "garbage" { assertion = "not.a.jwt" }
        let expected = try Reference.json(sample)
        let signed = assertion
        let reply = try await harness.withClient { client in try await client.tokenRequest(assertion: signed) }
        #expect(reply.status == 400)
        #expect(reply.json == expected)
    }

    /// simple-salesforce sends `exp` as a string and rounds now + 3 min to the nearest second; Salesforce logs
    /// such clients in (simple-salesforce issues #371, #491 show Salesforce reading the string as a time).
    @Test(arguments: [180.0, 180.5])
    func expAsNumericStringWithinThreeMinutesIsAccepted(secondsAhead: Double) async throws {
        let now = Harness.start
        let claims = Assertion.StringExpClaims(
            iss: "3MVG9CRMSyncSandboxConsumerKey", sub: "integration@crmsync.sandbox", aud: "https://login.salesforce.com",
            exp: String(Int((now.timeIntervalSince1970 + secondsAhead).rounded())))
        let assertion = try await Assertion.sign(claims)
        try await harness.withClient { client in
            let reply = try await client.tokenRequest(assertion: assertion)
            #expect(reply.status == 200)
        }
    }

    @Test func expWellBeyondThreeMinutesIsAnInvalidAssertion() async throws {
        var claims = Assertion.Claims.valid(now: Harness.start)
        claims.exp = Int(Harness.start.timeIntervalSince1970) + 240
        let assertion = try await Assertion.sign(claims)
        try await harness.withClient { client in
            let reply = try await client.tokenRequest(assertion: assertion)
            #expect(reply.status == 400)
            #expect(reply.json == (try Reference.json("oauth/error-invalid-grant-invalid-assertion.400.json")))
        }
    }

    @Test func wrongGrantType() async throws {
        let reply = try await harness.withClient { client in
            try await client.tokenRequest(assertion: "x", grantType: "password")
        }
        #expect(reply.status == 400)
        #expect(reply.json == (try Reference.json("oauth/error-unsupported-grant-type.400.json")))
    }

    @Test func sessionExpiresAfterConfiguredLifetime() async throws {
        let harness = Harness(configuration: .init(sessionLifetimeSeconds: 60))
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            harness.clock.advance(bySeconds: 61)
            let reply = try await client.call(.get, "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", token: token)
            #expect(reply.status == 401)
            #expect(reply.headers[.wwwAuthenticate] == "Token")
            #expect(reply.json == (try Reference.json("errors/invalid-session-id.401.json")))
            let unknown = try await client.call(.get, "/services/data/v60.0/query?q=SELECT+Id+FROM+Account", token: "00Dbogus")
            #expect(unknown.status == 401)
        }
    }
}
