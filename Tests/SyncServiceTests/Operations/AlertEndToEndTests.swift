import Foundation
import SimulatorKit
import Synchronization
import SyncCore
import SyncStore
import Testing
@testable import SyncService

/// Keeps the alerts a dispatcher delivers.
final class RecordingAlertSink: AlertSink {
    private let alerts = Mutex<[Alert]>([])
    var sent: [Alert] { alerts.withLock { $0 } }
    func send(_ alert: Alert) async throws { alerts.withLock { $0.append(alert) } }
}

@Suite(.serialized) struct AlertEndToEndTests {
    /// A payment write-back Salesforce keeps refusing alerts once (one idempotency key, however many passes), naming
    /// the Opportunity with its link into Salesforce; when it goes through, the recovery is reported once.
    @Test func persistentFailure_alertsOnce_recoveryOnce_withSalesforceLinks() async throws {
        try await EndToEnd.run { e2e in
            let runtime = e2e.runtime
            let sink = RecordingAlertSink()
            let alerts = AlertDispatcher(sink: sink, store: runtime.store, logger: EndToEnd.quietLogger)
            let engine = SyncEngine(
                salesforce: runtime.salesforce, sap: runtime.sap, zoho: runtime.zoho, store: runtime.store, alerts: alerts,
                configuration: runtime.configuration.engine, logger: EndToEnd.quietLogger)
            _ = try await engine.runPass(flows: [.orders, .invoices, .payments])
            await alerts.deliver()
            let before = sink.sent.count

            let deal = SeedDeal.closedWon(in: e2e.seed).first { $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail }!
            let id = e2e.opportunityID(deal.opportunity.key)
            let invoice = try #require(e2e.running.zoho.invoices(referenceNumber: "SF-" + id).first)
            try e2e.running.zoho.recordFullPayment(invoiceID: invoice.invoiceID, paymentMode: "banktransfer")
            let link = e2e.running.salesforceURL + "/" + id

            e2e.running.salesforce.faults.setPlan(FaultPlan(serverError: 1))
            for _ in 0..<2 {
                _ = try await engine.runPass(flows: [.payments])
                await alerts.deliver()
            }
            e2e.running.salesforce.faults.setPlan(.none)
            let failures = sink.sent[before...].filter { $0.kind == .persistentFailure }
            #expect(failures.count == 1)
            #expect(failures.first?.records == [AlertRecord(system: .salesforce, id: id, url: link)])

            for _ in 0..<2 {
                _ = try await engine.runPass(flows: [.payments])
                await alerts.deliver()
            }
            let recoveries = sink.sent[before...].filter { $0.kind == .recovered }
            #expect(recoveries.count == 1)
            #expect(recoveries.first?.records == [AlertRecord(system: .salesforce, id: id, url: link)])
        }
    }

    /// Alerts of one delivery go to Slack paced under one per second (the webhook's limit): three alerts take at
    /// least two intervals of more than a second to send (measured on the sending side, which no load can shorten),
    /// and Slack answers none with 429.
    @Test func delivery_isPacedUnderOnePerSecond() async throws {
        try await EndToEnd.run { e2e in
            for index in 1...3 {
                await e2e.runtime.alerts.enqueue(Alert(kind: .lowStock, title: "Low stock: TG1\(index)", text: "Available 3 PC", records: []))
            }
            let clock = ContinuousClock()
            let started = clock.now
            await e2e.runtime.alerts.deliver()
            #expect(clock.now - started >= .seconds(2))
            #expect(e2e.running.slack.messages.count == 3)
            #expect(e2e.running.slack.requestLog.entries.filter { $0.endpoint == "incoming-webhook" }.map(\.status) == [200, 200, 200])
        }
    }

    /// A failed alert is journaled (kind `alert`, status failed, the Slack error code), without the webhook URL.
    @Test func failedAlert_isJournaled() async throws {
        try await EndToEnd.run { e2e in
            e2e.running.slack.setAvailability(.disabled)
            await e2e.runtime.alerts.enqueue(Alert(kind: .quotaGuard, title: "Quota guard: salesforce work stopped", text: "82 %", records: []))
            await e2e.runtime.alerts.deliver()
            let entries = try await e2e.runtime.store.recentJournal(limit: 10).filter { $0.kind == "alert" }
            let entry = try #require(entries.first)
            #expect(entries.count == 1)
            #expect(entry.status == .failed)
            #expect(entry.targetSystem == "slack")
            #expect(entry.errorCode == "configuration")  // Slack's no_service: the webhook was disabled
            let webhook = try #require(e2e.running.environmentVariables["SLACK_WEBHOOK_URL"])
            let path = try #require(URL(string: webhook)?.path)
            #expect(!(entry.errorMessage ?? "").contains(path))
            #expect(e2e.running.slack.messages.isEmpty)
        }
    }
}
