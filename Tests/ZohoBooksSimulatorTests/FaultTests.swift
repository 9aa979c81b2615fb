import Foundation
import SimulatorKit
import Testing
import ZohoBooksSimulator

@Suite("fault rendering")
struct FaultTests {
    @Test("rateLimited renders 429 code 44, serverError code 1000, tokenExpired 401 code 57")
    func vendorShapedFaults() async throws {
        let harness = ZohoHarness()
        let perMinute = try Reference.zohoError(when: "more than 100 requests/minute/organization (API customers)")
        let internalError = try Reference.zohoError(when: "server error")
        let expired = try Reference.zohoError(when: "expired/revoked/foreign access token")
        try await harness.run { client in
            let token = try await client.accessToken()
            harness.simulator.faults.setPlan(FaultPlan(rateLimitedWithoutRetryAfter: 1))
            let limited = try await client.api(.get, "contacts", token: token)
            #expect(limited.status == 429)
            #expect(limited.json == perMinute)
            #expect(limited.header("Retry-After") == nil)
            #expect(limited.header("X-Rate-Limit-Limit") == "1000")

            harness.simulator.faults.setPlan(FaultPlan(serverError: 1))
            let failed = try await client.api(.get, "contacts", token: token)
            #expect(failed.status == 500)
            #expect(failed.json == internalError)
            #expect(try await client.api(.get, "contacts", token: token).status == 502)

            harness.simulator.faults.setPlan(FaultPlan(tokenExpiry: 1))
            let denied = try await client.api(.get, "contacts", token: token)
            #expect(denied.status == 401)
            #expect(denied.json == expired)
            let refreshed = try await client.tokenRequest(client.refreshParameters)
            #expect(refreshed.json["access_token"].string != nil)
            #expect(harness.simulator.faults.injectedCount == 4)
        }
    }

    @Test("the request log counts calls per endpoint; operator calls are neither faulted nor logged")
    func requestLog() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let acme = try #require(harness.simulator.contactID(named: "Acme Corp"))
            let invoice = try #require(try await client.createInvoice(token: token, customerID: acme)["invoice_id"].string)
            _ = try await client.api(.get, "invoices/\(invoice)", token: token)
            harness.simulator.faults.setPlan(FaultPlan(serverError: 1))
            let summaries = try await client.send(.get, "/_operator/zoho/invoices", headers: [:], body: nil)
            #expect(summaries.status == 200)
            let counts = harness.simulator.requestLog.countsByEndpoint()
            #expect(counts["POST oauth/v2/token"] == 1)
            #expect(counts["POST invoices"] == 1)
            #expect(counts["GET invoices/{id}"] == 1)
            #expect(counts.count == 3)
        }
    }
}
