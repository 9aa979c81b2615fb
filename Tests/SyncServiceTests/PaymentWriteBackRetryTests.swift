import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// A payment write-back that Salesforce refused with 5xx on every attempt of one pass is not lost: the next
/// incremental pass, `dead-letters retry` and the full reconcile each write it until it lands.
@Suite(.serialized) struct PaymentWriteBackRetryTests {
    /// Closes the seeded deals, records a full payment of one invoice in Zoho Books, and runs the payments pass
    /// while Salesforce answers every request with a server error. Returns the Opportunity Id and the dead letter.
    static func failedWriteBack(_ e2e: EndToEnd) async throws -> (opportunityID: String, letter: DeadLetter) {
        _ = try await e2e.runtime.engine.runPass(flows: [.orders, .invoices, .payments])
        let deal = SeedDeal.closedWon(in: e2e.seed).first { $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail }!
        let id = e2e.opportunityID(deal.opportunity.key)
        let invoice = try #require(e2e.running.zoho.invoices(referenceNumber: "SF-" + id).first)
        try e2e.running.zoho.recordFullPayment(invoiceID: invoice.invoiceID, paymentMode: "banktransfer")

        e2e.running.salesforce.faults.setPlan(FaultPlan(serverError: 1))
        _ = try await e2e.runtime.engine.runPass(flows: [.payments])
        e2e.running.salesforce.faults.setPlan(.none)

        #expect(e2e.running.salesforce.record(id: id)?["Payment_Received__c"] != .bool(true))
        let letters = try await e2e.runtime.store.deadLetters(status: .open).filter { $0.flow == "payments" && $0.recordID == id }
        let letter = try #require(letters.first)
        #expect(letter.error.code == .serverError)
        return (id, letter)
    }

    @Test func nextIncrementalPass_writesThePaymentBack_andResolvesTheDeadLetter() async throws {
        try await EndToEnd.run { e2e in
            let (id, letter) = try await Self.failedWriteBack(e2e)
            _ = try await e2e.runtime.engine.runPass(flows: [.payments])
            #expect(e2e.running.salesforce.record(id: id)?["Payment_Received__c"] == .bool(true))
            #expect(try await e2e.runtime.store.deadLetter(id: letter.id!)?.status == .resolved)
        }
    }

    @Test func deadLetterRetry_reportsStillOpen_thenWritesItBack() async throws {
        try await EndToEnd.run { e2e in
            let (id, letter) = try await Self.failedWriteBack(e2e)

            e2e.running.salesforce.faults.setPlan(FaultPlan(serverError: 1))
            let failed = try await e2e.runtime.engine.retryDeadLetters(ids: [letter.id!])
            e2e.running.salesforce.faults.setPlan(.none)
            #expect(failed.stillOpen.map(\.id) == [letter.id])
            #expect(failed.report.flows.first { $0.flow == .payments }?.observed == 1)

            let retried = try await e2e.runtime.engine.retryDeadLetters(ids: [letter.id!])
            #expect(retried.stillOpen.isEmpty)
            #expect(retried.resolved.map(\.id) == [letter.id])
            #expect(e2e.running.salesforce.record(id: id)?["Payment_Received__c"] == .bool(true))
        }
    }

    @Test func fullReconcile_writesThePaymentBack() async throws {
        try await EndToEnd.run { e2e in
            let (id, letter) = try await Self.failedWriteBack(e2e)
            _ = try await e2e.runtime.engine.runPass(flows: [.payments], mode: .full)
            #expect(e2e.running.salesforce.record(id: id)?["Payment_Received__c"] == .bool(true))
            #expect(try await e2e.runtime.store.deadLetter(id: letter.id!)?.status == .resolved)
        }
    }
}
