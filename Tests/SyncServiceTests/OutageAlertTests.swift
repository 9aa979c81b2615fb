import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// "Work stopped" is alerted once per outage (per system and code), not on every pass nor once per deal flow, and
/// the recovery is reported once.
@Suite(.serialized) struct OutageAlertTests {
    static func count(_ e2e: EndToEnd, _ phrase: String) -> Int {
        e2e.running.slack.messages.filter { ($0.text ?? "").contains(phrase) }.count
    }

    @Test func salesforceOutage_alertsOnce_andRecoveryOnce() async throws {
        try await EndToEnd.run { e2e in
            e2e.running.salesforce.faults.setPlan(FaultPlan(serverError: 1))
            for _ in 0..<3 {
                let report = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices, .stock])
                #expect(report.flows.allSatisfy { $0.stoppedBy != nil })
                await e2e.runtime.alerts.deliver()
            }
            #expect(Self.count(e2e, "salesforce work stopped") == 1)

            e2e.running.salesforce.faults.setPlan(.none)
            for _ in 0..<2 {
                _ = try await e2e.runtime.engine.runPass(flows: [.stock])
                await e2e.runtime.alerts.deliver()
            }
            #expect(Self.count(e2e, "Recovered: salesforce work resumed") == 1)
            #expect(Self.count(e2e, "salesforce work stopped") == 1)
        }
    }

    /// Salesforce's own refusal (403 `REQUEST_LIMIT_EXCEEDED`, the guard turned off) on every pass: one alert.
    @Test func serverQuotaRefusal_alertsOnce() async throws {
        try await EndToEnd.run(extraEnvironment: ["CRMSYNC_QUOTA_GUARD_PERCENT": "100"], salesforceDailyLimit: 0) { e2e in
            for _ in 0..<3 {
                _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices, .stock])
                await e2e.runtime.alerts.deliver()
            }
            #expect(e2e.running.salesforce.requestLog.count() > 0)
            #expect(Self.count(e2e, "salesforce work stopped") == 1)
        }
    }
}
