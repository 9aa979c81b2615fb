import Foundation
import SyncCore
import SyncService
import SyncStore
import Testing

@Suite(.serialized) struct CredentialFailureEndToEndTests {
    /// SAP rejects CRMSync's password: SAP work stops at the first 401 for the rest of the pass, no deal SAP could
    /// take gets a `Sync_Status__c` written from this pass (only bad-input deals show Failed), no such deal becomes a
    /// dead letter, Slack hears of it once, and the watermark stays before the first deal left waiting.
    @Test func wrongSAPPassword_stopsSAPOnce_andWritesNothing() async throws {
        try await EndToEnd.run(extraEnvironment: ["SAP_PASSWORD": "wrong-password"]) { e2e in
            e2e.running.salesforce.requestLog.reset()
            let report = try await e2e.runtime.engine.runPass(flows: [.orders])
            await e2e.runtime.alerts.deliver()

            #expect(report.flows.first?.stoppedBy?.code == .authenticationFailed)
            let waiting = SeedDeal.closedWon(in: e2e.seed).filter(\.sapCanTakeIt)
            for deal in waiting {
                let record = e2e.running.salesforce.record(id: e2e.opportunityID(deal.opportunity.key)) ?? [:]
                #expect(record["Sync_Status__c"] == .null, "deal \(deal.opportunity.key)")
            }
            #expect(e2e.running.sap.requestLog.entries.filter { $0.status == 401 }.count <= 2)
            #expect(try await e2e.runtime.store.deadLetters(status: .open).allSatisfy { $0.error.code == .invalidInput })
            #expect(e2e.running.slack.messages.filter { ($0.text ?? "").contains("sap work stopped") }.count == 1)
            let oldestWaiting = waiting.compactMap { ISO8601DateFormatter().date(from: $0.opportunity.lastModified) }.min()!
            if let mark = try await e2e.runtime.store.watermark(for: SyncFlow.orders.stream) {
                #expect(mark.position < oldestWaiting)
            }
            #expect(!(report.flows.first?.stoppedBy?.description.contains("wrong-password") ?? true))
        }
    }
}
