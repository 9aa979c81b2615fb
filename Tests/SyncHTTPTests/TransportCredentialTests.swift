import SyncCore
import SyncHTTP
import Testing

/// Token refresh (Salesforce 401 INVALID_SESSION_ID, Zoho 57, SAP 401) and SAP's CSRF renewal (403 with
/// `x-csrf-token: Required`), once each, per the team brief.
@Suite("Transport credentials")
struct TransportCredentialTests {
    @Test("401 then 200: one refresh, the repeat carries the new token, no back-off")
    func refreshOnce() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(401), .respond(200, body: "{}")])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
        }
        #expect(response.status == 200)
        #expect(harness.vendor.counts.refresh == 1)
        #expect(script.received.map { $0.headers["authorization"] } == ["Bearer token-1", "Bearer token-2"])
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("401 after the refresh fails with authenticationFailed")
    func refreshDoesNotHelp() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(401), .respond(401), .respond(200)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            }
        }
        #expect(error?.code == .authenticationFailed)
        #expect(error?.httpStatus == 401)
        #expect(harness.vendor.counts.refresh == 1)
        #expect(script.received.count == 2)
    }

    @Test("403 x-csrf-token Required then 201: one session renewal and a repeat with the new token")
    func csrfRenewal() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([
            .respond(403, headers: [("x-csrf-token", "Required")], body: "CSRF token validation failed"),
            .respond(201, body: "{}"),
        ])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/A_SalesOrder", endpoint: "A_SalesOrder.create"))
        }
        #expect(response.status == 201)
        #expect(harness.vendor.counts.renewSession == 1)
        #expect(harness.vendor.counts.refresh == 0)
        #expect(script.received.map { $0.headers["x-csrf-token"] } == ["csrf-1", "csrf-2"])
    }

    @Test("a second CSRF rejection fails with authenticationFailed")
    func csrfRenewalDoesNotHelp() async throws {
        let harness = TransportHarness()
        let required = ScriptedReply.respond(403, headers: [("x-csrf-token", "Required")])
        let script = ReplyScript([required, required, .respond(201)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/A_SalesOrder", endpoint: "A_SalesOrder.create"))
            }
        }
        #expect(error?.code == .authenticationFailed)
        #expect(harness.vendor.counts.renewSession == 1)
        #expect(script.received.count == 2)
    }

    @Test("executeRaw sends without authorization and returns any status")
    func raw() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(400, body: "{\"error\":\"invalid_grant\"}"), .respond(200)])
        let response = try await harness.run(script) { transport, base in
            try await transport.executeRaw(HTTPRequestSpec(method: .POST, url: base + "/token", endpoint: "token"))
        }
        #expect(response.status == 400)
        #expect(script.received.count == 1)
        #expect(script.received.first?.headers["authorization"] == nil)
        #expect(harness.vendor.counts.authorize == 0)
    }
}
