import Foundation
import Testing
import SimulatorKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct FaultMiddlewareTests {
    let client = HTTPTestClient()

    @Test func withoutFaultsTheNormalAnswerIsServedAndLogged() async throws {
        let app = TestApp()
        try await app.run { baseURL in
            let reply = try await client.send("GET", baseURL + "/items")
            #expect(reply.status == 200)
            #expect(reply.text == TestApp.itemsJSON)
        }
        #expect(app.requestLog.countsByEndpoint() == ["GET items": 1])
        #expect(app.requestLog.entries.first?.at == app.clock.now())
        #expect(app.faults.injectedCount == 0)
    }

    @Test func htmlErrorBodyIsA502HTMLPage() async throws {
        let app = TestApp(plan: FaultPlan(htmlErrorBody: 1))
        try await app.run { baseURL in
            let reply = try await client.send("GET", baseURL + "/items")
            #expect(reply.status == 502)
            #expect(reply.header("Content-Type")?.hasPrefix("text/html") == true)
            #expect(reply.text.contains("<title>502 Bad Gateway</title>"))
        }
        #expect(app.requestLog.entries.map(\.status) == [502])
        #expect(app.faults.injectedCount == 1)
    }

    @Test func truncatedBodyIsTheFirstHalfOfTheNormalBody() async throws {
        let app = TestApp(plan: FaultPlan(truncatedBody: 1))
        try await app.run { baseURL in
            let reply = try await client.send("GET", baseURL + "/items")
            let full = Data(TestApp.itemsJSON.utf8)
            #expect(reply.status == 200)
            #expect(reply.body == full.prefix(full.count / 2))
            #expect(reply.header("Content-Length") == String(full.count / 2))
            #expect(throws: (any Error).self) { try JSONSerialization.jsonObject(with: reply.body) }
        }
    }

    @Test func connectionResetGivesTheClientNoCompleteResponse() async throws {
        let app = TestApp(plan: FaultPlan(connectionReset: 1))
        try await app.run { baseURL in
            // On the wire: a head announcing 64 body bytes, then the connection closes with none of them.
            let port = Int(baseURL.split(separator: ":").last!)!
            let raw = try await RawHTTPExchange.send(port: port, request: "GET /items HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            let text = String(decoding: raw, as: UTF8.self)
            let parts = text.components(separatedBy: "\r\n\r\n")
            #expect(parts.first?.hasPrefix("HTTP/1.1 200") == true)
            #expect(parts.first?.lowercased().contains("content-length: 64") == true)
            #expect(parts.count == 2 && parts[1].utf8.count < 64)
            #expect(!text.lowercased().contains("x-simulatorkit"))
            // An HTTP client reports a failed exchange.
            await #expect(throws: URLError.self) { try await client.send("GET", baseURL + "/items") }
            // The server keeps serving other connections.
            app.faults.setPlan(.none)
            let next = try await client.send("GET", baseURL + "/items")
            #expect(next.status == 200)
        }
        #expect(app.faults.injectedCount == 2)
        #expect(app.requestLog.entries.map(\.status) == [0, 0, 200])
    }

    @Test func slowResponseIsDelayedThenNormal() async throws {
        let app = TestApp(plan: FaultPlan(slowResponse: 1, slowResponseSeconds: 0.3))
        try await app.run { baseURL in
            let started = ContinuousClock.now
            let reply = try await client.send("GET", baseURL + "/items")
            #expect(ContinuousClock.now - started >= .milliseconds(300))
            #expect(reply.text == TestApp.itemsJSON)
        }
    }

    @Test func vendorKindsAreRenderedByTheVendor() async throws {
        let app = TestApp(plan: FaultPlan(rateLimited: 1))
        try await app.run { baseURL in
            let reply = try await client.send("GET", baseURL + "/items")
            #expect(reply.status == 429)
            #expect(reply.header("Retry-After") == String(FaultInjector.retryAfterSeconds))
        }
        #expect(app.faults.injectedCount == 1)
    }

    @Test func aFaultTheVendorDeclinesLetsTheRequestThrough() async throws {
        let app = TestApp(plan: FaultPlan(tokenExpiry: 1))
        try await app.run { baseURL in
            let token = try await client.send("GET", baseURL + "/token")
            let items = try await client.send("GET", baseURL + "/items")
            #expect(token.text == "token")
            #expect(items.status == 401)
        }
        #expect(app.faults.injectedCount == 1)
    }

    @Test func operatorRoutesNeverGetFaultsAndAreNotLogged() async throws {
        let app = TestApp(plan: FaultPlan(connectionReset: 1))
        try await app.run { baseURL in
            let reply = try await client.send("GET", baseURL + "/_operator/faults")
            #expect(reply.status == 200)
            let plan = try JSONDecoder().decode(FaultPlan.self, from: reply.body)
            #expect(plan == FaultPlan(connectionReset: 1))
        }
        #expect(app.requestLog.count() == 0)
        #expect(app.faults.injectedCount == 0)
    }

    @Test func operatorRoutesChangeThePlanAndCountRequests() async throws {
        let app = TestApp(plan: FaultPlan(htmlErrorBody: 1))
        try await app.run { baseURL in
            let newPlan = FaultPlan(seed: 9)
            let put = try await client.send("PUT", baseURL + "/_operator/faults", body: try JSONEncoder().encode(newPlan))
            #expect(put.status == 200)
            #expect(app.faults.plan == newPlan)
            _ = try await client.send("GET", baseURL + "/items")
            _ = try await client.send("GET", baseURL + "/items")
            _ = try await client.send("GET", baseURL + "/token")
            let counts = try await client.send("GET", baseURL + "/_operator/requests")
            let decodedCounts = try JSONDecoder().decode([String: Int].self, from: counts.body)
            #expect(decodedCounts == ["GET items": 2, "GET token": 1])
            let deleted = try await client.send("DELETE", baseURL + "/_operator/requests")
            #expect(deleted.status == 204)
            #expect(app.requestLog.count() == 0)
            let bad = try await client.send("PUT", baseURL + "/_operator/faults", body: Data("{\"seed\":\"x\"}".utf8))
            #expect(bad.status == 400)
            #expect(app.faults.plan == newPlan)
        }
    }
}
