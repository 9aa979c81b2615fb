import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore

/// One canary run against one set of simulators: all flows under faults, users acting between passes (payments,
/// revoked tokens, expired sessions), then everything readable handed to the capture.
struct CanaryRun {
    let world: HostileWorld
    let capture: CanaryCapture

    /// Runs all flows `rounds` times with `rate` of requests faulted (every kind but slow answers, and Zoho's
    /// per-minute limit, whose answer is to wait a minute), then once healthy, delivers the alerts once (Slack is
    /// paced at about one message a second) and captures the results.
    func exerciseWithFaults(rate: Double, rounds: Int) async throws {
        var plan = FaultPlan.uniform(rate: rate, seed: UInt64(rounds) &* 7919 &+ 17)
        plan.slowResponse = 0
        // A 429 with `Retry-After: 1` costs a second per retry; the short form keeps the 429 without the header.
        if !ReliabilityScale.isFull { plan.rateLimited = 0 }
        var zohoPlan = plan
        zohoPlan.rateLimited = 0
        zohoPlan.rateLimitedWithoutRetryAfter = 0
        for round in 0..<rounds {
            world.running.salesforce.faults.setPlan(plan)
            world.running.sap.faults.setPlan(plan)
            world.running.zoho.faults.setPlan(zohoPlan)
            await pass(Set(SyncFlow.allCases), mode: round == 0 ? .incremental : .full)
            for invoice in world.running.zoho.allInvoices().prefix(4) where invoice.balance > 0 {
                _ = try? world.running.zoho.recordFullPayment(invoiceID: invoice.invoiceID, paymentMode: "banktransfer")
            }
            world.running.zoho.revokeAccessTokens()
            world.running.salesforce.expireAllSessions()
            await pass([.payments, .stock], mode: .incremental)
        }
        for injector in [world.running.salesforce.faults, world.running.sap.faults, world.running.zoho.faults] {
            injector.setPlan(.none)
        }
        await pass(Set(SyncFlow.allCases), mode: .full)
        await world.runtime.alerts.deliver()
        try await captureState()
    }

    /// One pass; its report (or the error it threw) is captured.
    private func pass(_ flows: Set<SyncFlow>, mode: PassMode) async {
        do {
            let report = try await world.runtime.engine.runPass(flows: flows, mode: mode)
            capture.add("pass report", json: report)
            for flow in report.flows {
                if let error = flow.stoppedBy { capture.add("error description", "\(error) | \(String(reflecting: error))") }
            }
        } catch {
            capture.add("error description", "\(error) | \(String(reflecting: error))")
        }
    }

    /// Hands the journal, dead letters, runs, status, Slack messages, configuration and state file to the capture.
    private func captureState() async throws {
        let store = world.runtime.store
        capture.add("journal", json: try await store.recentJournal(limit: 1_000_000))
        let letters = try await store.deadLetters(status: nil)
        capture.add("dead letters", json: letters)
        for letter in letters { capture.add("error description", letter.error.description) }
        capture.add("runs", json: try await store.latestRuns())
        capture.add("status --json", json: try await StatusReport.make(store: store, now: Date()))
        for message in world.running.slack.messages {
            capture.add("Slack message", (message.text ?? "") + "\n" + (message.blocksJSON ?? ""))
        }
        capture.add("configuration", "\(world.runtime.configuration) | \(String(reflecting: world.runtime.configuration))")
        capture.addFile("state file", path: world.statePath)
        capture.addFile("state file", path: world.statePath + "-wal")
    }
}
