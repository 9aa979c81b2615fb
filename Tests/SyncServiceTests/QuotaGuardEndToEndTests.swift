import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct QuotaGuardEndToEndTests {
    /// A Salesforce org with a daily allowance of 40 calls and the guard at 5 %: once the first pass has used more
    /// than that (read from `Sforce-Limit-Info`), the next passes make no Salesforce call, report the flows stopped,
    /// and alert Slack once; the watermarks stay where they were.
    @Test func usageAboveGuard_stopsSalesforceFlows_andAlertsOnce() async throws {
        try await EndToEnd.run(extraEnvironment: ["CRMSYNC_QUOTA_GUARD_PERCENT": "5"], salesforceDailyLimit: 40) { e2e in
            _ = try await e2e.runtime.engine.runPass(flows: [.stock])
            let quota = try #require(await e2e.runtime.salesforce.quota())
            #expect(quota.limit == 40)
            #expect(quota.usedShare >= 0.05)
            let before = e2e.running.salesforce.requestLog.count()
            let marks = try await e2e.runtime.store.watermarks()

            let report = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices, .stock])
            await e2e.runtime.alerts.deliver()
            _ = try await e2e.runtime.engine.runPass(flows: [.orders])
            await e2e.runtime.alerts.deliver()

            #expect(e2e.running.salesforce.requestLog.count() == before)
            #expect(report.flows.allSatisfy { $0.stoppedBy?.code == .quotaExhausted })
            #expect(try await e2e.runtime.store.watermarks() == marks)
            #expect(e2e.running.slack.messages.filter { ($0.text ?? "").contains("Quota guard") }.count == 1)
        }
    }
}
