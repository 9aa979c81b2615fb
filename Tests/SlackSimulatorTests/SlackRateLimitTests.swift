import Foundation
import Hummingbird
import HummingbirdTesting
import SimulatorKit
import SlackSimulator
import Testing

@Suite struct SlackRateLimitTests {
    @Test func aboveOneMessagePerSecondAnswers429WithRetryAfter() async throws {
        let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_796_000_000))
        let simulator = SlackSimulator(configuration: .init(messagesPerSecond: 1, burstCapacity: 2), clock: clock)
        let app = Application(router: simulator.buildRouter())
        try await app.test(.router) { client in
            func send() async throws -> (Int, String?) {
                try await client.execute(
                    uri: simulator.configuration.webhookPath, method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"text":"alert"}"#)
                ) { (Int($0.status.code), $0.headers[.retryAfter]) }
            }
            #expect(try await send().0 == 200)
            #expect(try await send().0 == 200)
            let limited = try await send()
            #expect(limited.0 == 429)
            #expect(limited.1 == "1")
            clock.advance(bySeconds: 0.5)
            #expect(try await send().0 == 429)
            clock.advance(bySeconds: 0.5)
            #expect(try await send().0 == 200)
            // Sustained one per second is accepted.
            for _ in 0..<5 {
                clock.advance(bySeconds: 1)
                #expect(try await send().0 == 200)
            }
        }
        #expect(simulator.messages.count == 8)
    }
}
