import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

/// The quota guard acts on the usage stored by earlier processes, lifts by itself (Salesforce through one
/// `GET /limits` probe, Zoho Books at its reset), and a Zoho guard holds back only the invoices flow.
@Suite(.serialized) struct QuotaGuardResumeTests {
    @Test func zohoGuard_fromStoredUsage_stopsInvoicesButNotOrders() async throws {
        try await EndToEnd.run { e2e in
            try await e2e.runtime.store.saveQuotas([APIQuotaUsage(system: "zoho", used: 950, dailyLimit: 1000, observedAt: Date())])
            let report = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(report.flows.first { $0.flow == .invoices }?.stoppedBy?.code == .quotaExhausted)
            #expect(report.flows.first { $0.flow == .orders }?.stoppedBy == nil)
            #expect(e2e.running.sap.salesOrderCount() > 0)
            #expect(e2e.running.zoho.allInvoices().isEmpty)
        }
    }

    @Test func zohoGuard_liftsOnceTheDailyWindowReset() async throws {
        try await EndToEnd.run { e2e in
            let dayAgo = Date().addingTimeInterval(-86_400 - 60)
            try await e2e.runtime.store.saveQuotas([APIQuotaUsage(system: "zoho", used: 950, dailyLimit: 1000, observedAt: dayAgo)])
            let report = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices])
            #expect(report.flows.allSatisfy { $0.stoppedBy == nil })
            #expect(!e2e.running.zoho.allInvoices().isEmpty)
        }
    }

    @Test func salesforceGuard_fromStoredUsage_holdsBack_thenOneProbeLiftsIt() async throws {
        try await EndToEnd.run { e2e in
            try await e2e.runtime.store.saveQuotas([APIQuotaUsage(system: "salesforce", used: 95, dailyLimit: 100, observedAt: Date())])
            let held = try await e2e.runtime.engine.runPass(flows: [.stock])
            #expect(held.flows.first?.stoppedBy?.code == .quotaExhausted)
            #expect(e2e.running.salesforce.requestLog.count() == 0)

            // An hour later (beyond the probe interval) the stored figure is stale: one GET /limits shows the org's
            // real usage, far below the guard, and the flow runs.
            try await e2e.runtime.store.saveQuotas([
                APIQuotaUsage(system: "salesforce", used: 96, dailyLimit: 100, observedAt: Date().addingTimeInterval(-3600))
            ])
            let resumed = try await e2e.runtime.engine.runPass(flows: [.stock])
            #expect(resumed.flows.first?.stoppedBy == nil)
            #expect(resumed.flows.first?.observed ?? 0 > 0)
            #expect(e2e.running.salesforce.requestLog.entries.filter { $0.path.hasSuffix("/limits") }.count == 1)
        }
    }
}
