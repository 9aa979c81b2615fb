import Foundation
import Testing
import ZohoBooksSimulator

@Suite("Books API limits")
struct RateLimitTests {
    @Test("X-Rate-Limit-* headers on every API answer, counting down the daily quota")
    func headers() async throws {
        let harness = ZohoHarness()
        try await harness.run { client in
            let token = try await client.accessToken()
            let first = try await client.api(.get, "contacts", token: token)
            #expect(first.header("X-Rate-Limit-Limit") == "1000")
            #expect(first.header("X-Rate-Limit-Remaining") == "999")
            // 13:14:59 in New York: 10 h 45 min 1 s to midnight.
            #expect(first.header("X-Rate-Limit-Reset") == "38701")
            let refused = try await client.api(.get, "contacts", token: nil)
            #expect(refused.status == 401)
            #expect(refused.header("X-Rate-Limit-Remaining") == "999")
        }
    }

    @Test("the 101st request in a minute is 429 code 44; the next minute is fine")
    func perMinute() async throws {
        let harness = ZohoHarness()
        let recorded = try Reference.zohoError(when: "more than 100 requests/minute/organization (API customers)")
        try await harness.run { client in
            let token = try await client.accessToken()
            for _ in 0..<100 {
                #expect(try await client.api(.get, "contacts", token: token).status == 200)
            }
            let blocked = try await client.api(.get, "contacts", token: token)
            #expect(blocked.status == 429)
            #expect(blocked.json == recorded)
            #expect(blocked.header("X-Rate-Limit-Limit") == "1000")
            harness.clock.advance(bySeconds: 60)
            #expect(try await client.api(.get, "contacts", token: token).status == 200)
        }
    }

    @Test("the per-window limit is configurable (5 per 6 s)")
    func configurableWindow() async throws {
        let harness = ZohoHarness(configuration: .init(requestsPerWindow: 5, rateWindowSeconds: 6))
        try await harness.run { client in
            let token = try await client.accessToken()
            for _ in 0..<5 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            #expect(try await client.api(.get, "contacts", token: token).json["code"].int == 44)
            harness.clock.advance(bySeconds: 6)
            #expect(try await client.api(.get, "contacts", token: token).status == 200)
        }
    }

    @Test("the window slides: each request leaves it the window length after it was admitted")
    func slidingWindow() async throws {
        let harness = ZohoHarness(configuration: .init(requestsPerWindow: 5, rateWindowSeconds: 6))
        try await harness.run { client in
            let token = try await client.accessToken()
            for _ in 0..<3 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            harness.clock.advance(bySeconds: 3)
            for _ in 0..<2 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            #expect(try await client.api(.get, "contacts", token: token).json["code"].int == 44)
            harness.clock.advance(bySeconds: 3)
            for _ in 0..<3 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            #expect(try await client.api(.get, "contacts", token: token).json["code"].int == 44)
            harness.clock.advance(bySeconds: 3)
            for _ in 0..<2 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            #expect(try await client.api(.get, "contacts", token: token).json["code"].int == 44)
        }
    }

    @Test("the daily quota is 429 code 45 naming the limit, reset at midnight in the org time zone")
    func daily() async throws {
        let harness = ZohoHarness(configuration: .init(dailyRequestLimit: 3))
        let recorded = try Reference.zohoError(when: "daily per-org API quota exhausted")
        try await harness.run { client in
            let token = try await client.accessToken()
            for _ in 0..<3 { #expect(try await client.api(.get, "contacts", token: token).status == 200) }
            let blocked = try await client.api(.get, "contacts", token: token)
            #expect(blocked.status == 429)
            #expect(blocked.json["code"] == recorded["code"])
            #expect(blocked.json["message"].string
                == recorded["message"].string?.replacingOccurrences(of: "1000", with: "3"))
            #expect(blocked.header("X-Rate-Limit-Remaining") == "0")
            harness.clock.advance(bySeconds: 38_701)
            let fresh = try await client.accessToken()
            #expect(try await client.api(.get, "contacts", token: fresh).status == 200)
        }
    }

    @Test("requests beyond the concurrency limit are 429 code 1070")
    func concurrency() async throws {
        let harness = ZohoHarness(configuration: .init(concurrencyLimit: 0))
        let recorded = try Reference.zohoError(
            when: "too many concurrent in-flight calls for the org (Free 5, paid 10 soft)")
        try await harness.run { client in
            let token = try await client.accessToken()
            let blocked = try await client.api(.get, "contacts", token: token)
            #expect(blocked.status == 429)
            #expect(blocked.json == recorded)
            #expect(blocked.header("X-Rate-Limit-Limit") != nil)
        }
    }
}
