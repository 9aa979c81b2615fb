import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP
import Testing

/// Retry behaviour against a scripted server. Expected waits come from `RetryPolicy`'s worked table (2 s, then 4 s
/// at random 0.5) or from the server's Retry-After; attempts are what the server received.
@Suite("Transport retries")
struct TransportRetryTests {
    @Test("a GET answered 503 then 200 is retried once after 2 s")
    func retriesServerError() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(503), .respond(200, body: "{\"ok\":true}")])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/records", endpoint: "records.list"))
        }
        #expect(response.status == 200)
        #expect(script.received.count == 2)
        #expect(harness.sleeper.sleeps == [.seconds(2)])
        let dimensions = [("system", "zoho"), ("endpoint", "records.list")]
        #expect(harness.metrics.value("crmsync_http_retries_total", dimensions) == 1)
        #expect(harness.metrics.value("crmsync_http_requests_total", dimensions + [("status", "503")]) == 1)
        #expect(harness.metrics.value("crmsync_http_requests_total", dimensions + [("status", "200")]) == 1)
        #expect(harness.metrics.value("crmsync_http_request_duration_seconds", dimensions) == 2)
    }

    @Test("after 3 failed attempts the error is thrown; waits follow the table")
    func givesUpAfterThreeAttempts() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(503), .respond(502), .respond(503), .respond(200)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            }
        }
        #expect(error?.code == .serverError)
        #expect(error?.httpStatus == 503)
        #expect(error?.outcomeUnknown == false)
        #expect(script.received.count == 3)
        #expect(harness.sleeper.sleeps == [.seconds(2), .seconds(4)])
        #expect(
            harness.metrics.value(
                "crmsync_http_errors_total", [("system", "zoho"), ("endpoint", "r"), ("code", "server_error")]) == 1)
    }

    @Test("a POST answered 429 with Retry-After waits as asked and is repeated")
    func postRetriedOn429() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(429, headers: [("Retry-After", "7")]), .respond(201, body: "{}")])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(
                HTTPRequestSpec(method: .POST, url: base + "/invoices", body: Data("{}".utf8), endpoint: "invoices.create"))
        }
        #expect(response.status == 201)
        #expect(script.received.count == 2)
        #expect(harness.sleeper.sleeps == [.seconds(7)])
    }

    @Test("a POST answered 503 is repeated (the request was not processed)")
    func postRetriedOn503() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(503), .respond(201, body: "{}")])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
        }
        #expect(response.status == 201)
        #expect(script.received.count == 2)
    }

    @Test("a POST answered 500 is not repeated")
    func postNotRetriedOn500() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(500), .respond(201)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
            }
        }
        #expect(error?.code == .serverError)
        #expect(error?.outcomeUnknown == false)
        #expect(script.received.count == 1)
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("a POST answered 504 reports an unknown outcome and is not repeated")
    func postGatewayTimeout() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(504), .respond(201)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
            }
        }
        #expect(error?.outcomeUnknown == true)
        #expect(script.received.count == 1)
    }

    @Test("Zoho's X-Rate-Limit-Reset on a 429 sets the wait, capped at 30 s")
    func zohoResetCapped() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([
            .respond(429, headers: [("X-Rate-Limit-Reset", "12")], body: "{\"code\":44}"),
            .respond(429, headers: [("X-Rate-Limit-Reset", "38689")], body: "{\"code\":44}"),
            .respond(200, body: "{}"),
        ])
        _ = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/invoices", endpoint: "invoices.list"))
        }
        #expect(harness.sleeper.sleeps == [.seconds(12), .seconds(30)])
    }

    @Test("daily quota exhaustion is never retried")
    func quotaNotRetried() async throws {
        let harness = TransportHarness()
        let body = "{\"code\":45,\"message\":\"The API call for this organization has exceeded the maximum call rate limit of 1000.\"}"
        let script = ReplyScript([.respond(429, headers: [("Retry-After", "1")], body: body), .respond(200)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/invoices", endpoint: "invoices.list"))
            }
        }
        #expect(error?.code == .quotaExhausted)
        #expect(script.received.count == 1)
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("a non-JSON 200 to a POST reports an unknown outcome and is not repeated")
    func malformedSuccessOnPost() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(200, body: "<html>maintenance</html>"), .respond(201, body: "{}")])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
            }
        }
        #expect(error?.code == .malformedResponse)
        #expect(error?.outcomeUnknown == true)
        #expect(script.received.count == 1)
    }

    @Test("a body over maxResponseBytes fails as malformed without a retry")
    func oversizedBody() async throws {
        var configuration = TransportHarness.fastConfiguration
        configuration.maxResponseBytes = 16
        let harness = TransportHarness(configuration: configuration)
        let script = ReplyScript([.respond(200, body: String(repeating: "x", count: 64)), .respond(200)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/big", endpoint: "big"))
            }
        }
        #expect(error?.code == .malformedResponse)
        #expect(script.received.count == 1)
    }
}
