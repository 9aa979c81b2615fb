import Foundation
import SimulatorKit
import SyncCore
import SyncService
import Testing

/// A Slack 500 (`rollup_error`) is retried like other server errors, each attempt in its own pacing slot.
@Suite(.serialized) struct SlackRetryTests {
    /// A fault plan whose first request gets a server error (500, the first of the injector's cycle) and whose
    /// second is answered normally.
    static func firstRequestFails() -> FaultPlan {
        for seed in UInt64(1)...1000 {
            let plan = FaultPlan(seed: seed, serverError: 0.5)
            let injector = FaultInjector(plan: plan)
            if injector.draw() != nil, injector.draw() == nil { return plan }
        }
        Issue.record("no seed found")
        return .none
    }

    @Test func slack500_isRetried_andTheAlertArrives() async throws {
        try await EndToEnd.run { e2e in
            e2e.running.slack.faults.setPlan(Self.firstRequestFails())
            await e2e.runtime.alerts.enqueue(Alert(kind: .lowStock, title: "Low stock: TG11", text: "Available stock fell to 4.", records: []))
            await e2e.runtime.alerts.deliver()

            #expect(e2e.running.slack.faults.injectedCount == 1)
            #expect(e2e.running.slack.messages.count == 1)
            #expect(await e2e.runtime.alerts.failedDeliveries == 0)
            let attempts = e2e.running.slack.requestLog.entries.filter { $0.path.hasPrefix("/services/") }
            #expect(attempts.map(\.status) == [500, 200])
            // The pacer spaces sends 1.1 s apart; the log stamps arrivals, which a loaded machine can delay for the
            // first and not the second. Without pacing the retry would follow within the harness's retry delay (tens
            // of milliseconds), so half a second still tells the two apart.
            if attempts.count == 2 { #expect(attempts[1].at.timeIntervalSince(attempts[0].at) >= 0.5) }
        }
    }
}
