import Foundation
import HTTPTypes
import SimulatorKit
import Testing

@testable import SalesforceSimulator

@Suite("Limits and faults")
struct LimitsAndFaultsTests {
    private let limitInfo = HTTPField.Name("Sforce-Limit-Info")!

    @Test func dailyAllowanceIsReportedAndEnforced() async throws {
        let harness = Harness(configuration: .init(dailyApiRequestLimit: 3))
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let uri = queryURI("SELECT Id FROM Account")
            for used in 1...3 {
                let reply = try await client.call(.get, uri, token: token)
                #expect(reply.status == 200)
                #expect(reply.headers[limitInfo] == "api-usage=\(used)/3")
                #expect(reply.headers[.contentType] == "application/json;charset=UTF-8")
            }
            let blocked = try await client.call(.get, uri, token: token)
            #expect(blocked.status == 403)
            #expect(blocked.json == (try Reference.json("errors/request-limit-exceeded.403.json")))
            #expect(blocked.headers[limitInfo] == "api-usage=3/3")
            harness.clock.advance(bySeconds: 86_401)  // rolling 24 hours
            let token2 = try await client.accessToken(now: harness.clock.now())
            #expect(try await client.call(.get, uri, token: token2).status == 200)
        }
    }

    @Test func lockRowKnob() async throws {
        let harness = Harness(configuration: .init(lockRowRate: 1))
        let account = harness.simulator.seedId("account:acme")!
        let reply = try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            return try await client.call(.patch, "/services/data/v60.0/sobjects/Account/\(account)", token: token, body: #"{"Phone":"1"}"#)
        }
        #expect(reply.status == 400)
        #expect(reply.json == (try Reference.json("errors/unable-to-lock-row.json")))
    }

    @Test func vendorShapedFaults() async throws {
        let harness = Harness()
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let uri = queryURI("SELECT Id FROM Account")
            harness.simulator.faults.setPlan(FaultPlan(tokenExpiry: 1))
            let expired = try await client.call(.get, uri, token: token)
            #expect(expired.status == 401)
            #expect(expired.headers[.wwwAuthenticate] == "Token")
            #expect(expired.json == (try Reference.json("errors/invalid-session-id.401.json")))
            // The token endpoint is not affected by token expiry, and the old session is gone.
            let fresh = try await client.accessToken(now: Harness.start)
            harness.simulator.faults.setPlan(.none)
            #expect(try await client.call(.get, uri, token: token).status == 401)
            #expect(try await client.call(.get, uri, token: fresh).status == 200)
            harness.simulator.faults.setPlan(FaultPlan(rateLimited: 1))
            let limited = try await client.call(.get, uri, token: fresh)
            #expect(limited.status == 503)
            #expect(limited.json?.arrayValue?.first?["errorCode"] == .string("SERVER_UNAVAILABLE"))
        }
        #expect(harness.simulator.requestLog.count(endpoint: "query") >= 4)
    }

    @Test func serverErrorsAndLimitsResource() async throws {
        let harness = Harness(configuration: .init(dailyApiRequestLimit: 15_000))
        try await harness.withClient { client in
            let token = try await client.accessToken(now: Harness.start)
            let limits = try #require(try await client.call(.get, "/services/data/v60.0/limits", token: token).json)
            #expect(limits["DailyApiRequests"]?["Max"] == .number(15_000))
            #expect(limits["DailyApiRequests"]?["Remaining"] == .number(14_999))
            harness.simulator.faults.setPlan(FaultPlan(serverError: 1))
            let failed = try await client.call(.get, "/services/data/v60.0/limits", token: token)
            #expect([500, 502, 503, 504].contains(failed.status))
            #expect(failed.json?.arrayValue?.first?["errorCode"] != nil)  // a Salesforce error array, not HTML
        }
    }
}
