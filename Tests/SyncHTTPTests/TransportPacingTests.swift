import SyncCore
import SyncHTTP
import Testing

/// Pacing with the recording sleeper's virtual clock: request start times are the virtual times at which the
/// vendor observed each response (virtual time only moves when the transport sleeps).
@Suite("Transport pacing")
struct TransportPacingTests {
    static func configuration(limit: Int, window: Duration) -> HTTPTransport.Configuration {
        var configuration = TransportHarness.fastConfiguration
        configuration.pacing = RequestPacing(limit: limit, window: window)
        return configuration
    }

    @Test("requests are spaced window/limit apart, so no window holds more than the limit")
    func evenSpacing() async throws {
        let harness = TransportHarness(configuration: Self.configuration(limit: 5, window: .seconds(1)), recordObservations: true)
        let script = ReplyScript(Array(repeating: .respond(200, body: "{}"), count: 12))
        try await harness.run(script) { transport, base in
            for _ in 0..<12 {
                _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            }
        }
        let starts = harness.vendor.counts.observedAt
        #expect(starts == (0..<12).map { Duration.milliseconds(200 * $0) })
        for start in starts {
            let inWindow = starts.filter { $0 >= start && $0 < start + .seconds(1) }
            #expect(inWindow.count <= 5)
        }
    }

    @Test("the vendor's observed allowance spreads the rest of the window and blocks at zero")
    func observedAllowance() async throws {
        let harness = TransportHarness(configuration: Self.configuration(limit: 100, window: .seconds(60)), recordObservations: true)
        let pacer = RequestPacer(pacing: RequestPacing(limit: 100, window: .seconds(60)), sleeper: harness.sleeper)
        let script = ReplyScript(Array(repeating: .respond(200, body: "{}"), count: 3))
        try await harness.run(script, pacer: pacer) { transport, base in
            #expect(transport.pacer === pacer)
            _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            await pacer.observe(remaining: 2, resetIn: .seconds(20))
            _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            await pacer.observe(remaining: 0, resetIn: .seconds(30))
            _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
        }
        #expect(harness.vendor.counts.observedAt == [.zero, .seconds(10), .seconds(40)])
    }

    @Test("a daily allowance left (reset beyond the window) keeps the configured spacing")
    func dailyAllowanceLeft() async throws {
        let harness = TransportHarness(configuration: Self.configuration(limit: 100, window: .seconds(60)), recordObservations: true)
        let script = ReplyScript(Array(repeating: .respond(200, body: "{}"), count: 2))
        try await harness.run(script) { transport, base in
            // Zoho sample headers: X-Rate-Limit-Remaining 513, X-Rate-Limit-Reset 24350 (seconds to the daily reset).
            await transport.pacer?.observe(remaining: 513, resetIn: .seconds(24_350))
            for _ in 0..<2 {
                _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            }
        }
        #expect(harness.vendor.counts.observedAt == [.zero, .milliseconds(600)])
    }

    @Test("a used-up daily quota fails fast with quotaExhausted without sending")
    func dailyQuotaExhausted() async throws {
        let harness = TransportHarness(configuration: Self.configuration(limit: 100, window: .seconds(60)))
        let script = ReplyScript([.respond(200, body: "{}")])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                await transport.pacer?.observe(remaining: 0, resetIn: .seconds(38_689))
                _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
            }
        }
        #expect(error?.code == .quotaExhausted)
        #expect(error?.retryAfterSeconds == 38_689)
        #expect(script.received.isEmpty)
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("no more than maxConcurrentRequests are in flight")
    func concurrencyCap() async throws {
        var configuration = TransportHarness.fastConfiguration
        configuration.maxConcurrentRequests = 2
        let harness = TransportHarness(configuration: configuration)
        let script = ReplyScript(Array(repeating: .slow(.milliseconds(60)), count: 8))
        try await harness.run(script) { transport, base in
            try await withThrowingTaskGroup(of: Void.self) { group in
                for _ in 0..<8 {
                    group.addTask {
                        _ = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r"))
                    }
                }
                try await group.waitForAll()
            }
        }
        #expect(script.received.count == 8)
        #expect(script.maxInFlight <= 2)
    }
}
