import AsyncHTTPClient
import Foundation
import Logging
import SimulatorKit
import SlackSimulator
import SyncCore
import SyncHTTP
import Testing
@testable import SlackNotifier

@Suite("SlackWebhookNotifier against the Slack simulator", .serialized)
struct SlackSimulatorEndToEndTests {
    static let alert = Alert(
        kind: .lowStock, title: "Low stock: TG11", text: "Available 7 PC in plant 1010 (threshold 10)",
        records: [AlertRecord(system: .sap, id: "TG11", label: "Gear TG11", url: "https://example.my.salesforce.com/01tAa0000000001")])

    /// Runs a Slack simulator whose clock moves only with the notifier's (virtual) sleeps.
    static func run(
        simulator configuration: SlackSimulator.Configuration = .init(), minimumInterval: Duration = .milliseconds(1100),
        _ body: @Sendable (SlackSimulator, SlackWebhookNotifier, VirtualSleeper) async throws -> Void
    ) async throws {
        let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_780_000_000))
        let simulator = SlackSimulator(configuration: configuration, clock: clock)
        let sleeper = VirtualSleeper { duration in
            let parts = duration.components
            clock.advance(bySeconds: Double(parts.seconds) + Double(parts.attoseconds) / 1e18)
        }
        var http = HTTPTransport.Configuration()
        http.retryPolicy = RetryPolicy(maxAttempts: 3, baseDelay: .milliseconds(100), maxDelay: .seconds(30))
        let client = try makeHTTPClient(configuration: http)
        let configured = http
        do {
            try await withSimulatorServer(router: simulator.buildRouter(), logger: quietLogger) { (baseURL: String) in
                let notifier = SlackWebhookNotifier(
                    configuration: .init(
                        webhookURL: baseURL + configuration.webhookPath, minimumInterval: minimumInterval, http: configured),
                    httpClient: client, logger: Logger(label: "test.slack.e2e"), sleeper: sleeper)
                try await body(simulator, notifier, sleeper)
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    @Test("paced alerts stay under the webhook's one-per-second limit: no 429 at all")
    func pacedUnderLimit() async throws {
        try await Self.run(simulator: .init(messagesPerSecond: 1, burstCapacity: 1)) { simulator, notifier, sleeper in
            for _ in 0..<5 { try await notifier.send(Self.alert) }
            #expect(simulator.messages.count == 5)
            #expect(simulator.requestLog.count(endpoint: "incoming-webhook") == 5)
            #expect(sleeper.sleeps == Array(repeating: .milliseconds(1100), count: 4))
            let first = try #require(simulator.messages.first)
            #expect(first.text == "Low stock: TG11: Available 7 PC in plant 1010 (threshold 10)")
            #expect(first.blockCount == 3)
            #expect(first.blocksJSON?.contains("<https://example.my.salesforce.com/01tAa0000000001|Gear TG11>") == true)
        }
    }

    @Test("without pacing the simulator answers 429 and the notifier waits its Retry-After")
    func retryAfter() async throws {
        try await Self.run(simulator: .init(messagesPerSecond: 1, burstCapacity: 1), minimumInterval: .zero) { simulator, notifier, sleeper in
            try await notifier.send(Self.alert)
            try await notifier.send(Self.alert)
            #expect(simulator.messages.count == 2)
            #expect(simulator.requestLog.count(endpoint: "incoming-webhook") == 3)
            #expect(sleeper.sleeps.count == 1)
            #expect(sleeper.sleeps.allSatisfy { $0 >= .seconds(1) })
        }
    }

    @Test("a disabled webhook is .configuration no_service; a revoked one .authenticationFailed")
    func unavailable() async throws {
        try await Self.run { simulator, notifier, _ in
            simulator.setAvailability(.disabled)
            let disabled = try await #require(throws: SyncError.self) { try await notifier.send(Self.alert) }
            #expect(disabled.code == .configuration)
            #expect(disabled.vendorCode == "no_service")
            #expect(disabled.httpStatus == 404)
            simulator.setAvailability(.revoked)
            let revoked = try await #require(throws: SyncError.self) { try await notifier.send(Self.alert) }
            #expect(revoked.code == .authenticationFailed)
            #expect(revoked.vendorCode == "invalid_token")
            simulator.setAvailability(.channelArchived)
            let archived = try await #require(throws: SyncError.self) { try await notifier.send(Self.alert) }
            #expect(archived.vendorCode == "channel_is_archived")
            #expect(!"\(disabled) \(revoked) \(archived)".contains(simulator.configuration.token))
            #expect(simulator.messages.isEmpty)
        }
    }

    @Test("a 50-block alert with many records is accepted")
    func maximumBlocks() async throws {
        try await Self.run { simulator, notifier, _ in
            let records = (0..<5000).map { AlertRecord(system: .salesforce, id: "006Aa0000\($0)", label: "Deal \($0) <&>") }
            try await notifier.send(Alert(kind: .driftSummary, title: "Drift", text: "Summary", records: records))
            #expect(simulator.messages.first?.blockCount == 50)
        }
    }
}
