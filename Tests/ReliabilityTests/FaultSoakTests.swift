import Foundation
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore
import Testing
import ZohoBooksSimulator

/// Reliability suite 2 (issue 6): 20 % of the requests to Salesforce, SAP and Zoho Books get an injected fault,
/// spread evenly over every kind the fault plans offer that applies to the system, while users keep entering
/// Closed Won deals, moving stock and recording payments and CRMSync polls; then full passes (faults still on)
/// until the systems agree, bounded. Asserted through the simulators' state: no duplicates, every deal has its
/// Sales Order, invoice, email and write-backs, stock and payments equal their sources; and the drift detector
/// (`crm-sync drift`) finds nothing.
///
/// Kinds left out, and why: Zoho's two 429 kinds (its documented answer is a one-minute block, which CRMSync waits
/// out — 60 s per fault would make the soak hours long; the connector tests cover it with a scaled window).
/// `csrfExpired` applies only to SAP's modifying requests and `tokenExpired` not to token endpoints: a request
/// they do not apply to is answered normally, so the measured fault share is printed.
///
/// Short: about 500 API requests. Full (`CRMSYNC_RELIABILITY=full`): at least 10,000.
@Suite(.serialized) struct FaultSoakTests {
    @Test func twentyPercentFaultsEverywhere_convergesWithoutDuplicatesOrLoss() async throws {
        let seed = ReliabilityScale.seed(for: "fault-soak")
        let targetRequests = ReliabilityScale.pick(short: 500, full: 10_000)
        let products = ReliabilityScale.pick(short: 30, full: 200)
        let accounts = ReliabilityScale.pick(short: 8, full: 60)
        let dealsPerRound = ReliabilityScale.pick(short: 8, full: 25)
        var random = SeededRandom(seed: seed)
        let dataset = try ReliabilityDataset.make(products: products, accounts: accounts, random: &random)
        let start = Date()
        // One round of user work per minute, as CRMSync polls every minute: each incremental pass re-reads only
        // the last overlap's (5 minutes') worth of changes.
        let clock = ManualSimulatorClock(Date())

        let result = try await ReliabilitySimulators.run(seed: dataset, clock: clock, adjust: { configuration in
            configuration.salesforce.lockRowRate = 0.02
            configuration.salesforce.lockRowSeed = seed
        }) { running in
            try await ReliabilitySimulators.withRuntime(
                running, statePath: ReliabilitySimulators.freshStatePath("soak"), now: { clock.now() }
            ) { runtime in
                var random = SeededRandom(seed: seed ^ 0x50AC)
                Self.injectFaults(running, seed: seed)
                var deals: [TrackedDeal] = []
                var rounds = 0
                while running.apiRequestCount < targetRequests && rounds < 200 {
                    rounds += 1
                    clock.advance(bySeconds: 60)
                    for _ in 0..<dealsPerRound {
                        deals.append(try running.salesforce.enterDeal(
                            number: deals.count + 1, accountIndex: Int.random(in: 1...accounts, using: &random),
                            products: products, random: &random))
                    }
                    Self.moveStock(running, products: products, random: &random)
                    Self.recordPayments(running, deals: deals, random: &random)
                    _ = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
                }
                let soakRequests = running.apiRequestCount
                var passes = 0
                var problems: [String] = []
                repeat {
                    passes += 1
                    _ = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases), mode: .full)
                    problems = Self.problems(deals, products: products, running)
                } while !problems.isEmpty && passes < 8
                let injected = running.salesforce.faults.injectedCount + running.sap.faults.injectedCount
                    + running.zoho.faults.injectedCount
                let total = running.apiRequestCount
                for injector in [running.salesforce.faults, running.sap.faults, running.zoho.faults] { injector.setPlan(.none) }
                // What `crm-sync drift` reports, with the faults off (its reads must not fail): nothing.
                let drift = try await DriftDetector(runtime: runtime).detect()
                let driftItems = drift.items.prefix(10).map { "\($0.kind) \($0.records.opportunityID ?? "-") \($0.field ?? "")" }
                let openLetters = try await runtime.store.deadLetters(status: .open)
                return (deals: deals.count, rounds: rounds, soakRequests: soakRequests, total: total, injected: injected,
                        passes: passes, problems: problems, drift: driftItems, driftCount: drift.items.count, openRecordFaults: openLetters.filter { $0.error.code.isRecordFault }.map(\.error.description))
            }
        }
        let share = Double(result.injected) / Double(max(result.total, 1))
        print("[fault-soak] \(result.deals) deals in \(result.rounds) rounds, \(result.total) API requests "
              + "(\(result.soakRequests) while users worked), \(result.injected) faults injected (\(Int((share * 100).rounded())) %), "
              + "converged after \(result.passes) full passes: \(result.problems.isEmpty), \(Int(Date().timeIntervalSince(start))) s")
        #expect(result.soakRequests >= targetRequests)
        #expect(share >= 0.12, "only \(result.injected) of \(result.total) requests got a fault")
        #expect(result.problems.isEmpty, "seed \(seed), not converged after \(result.passes) full passes:\n\(DealOutcomeAudit.summary(result.problems))")
        #expect(result.driftCount == 0, "crm-sync drift found \(result.driftCount) differences (seed \(seed)): \(result.drift)")
        #expect(result.openRecordFaults.isEmpty, "valid records dead-lettered as bad input (seed \(seed)): \(result.openRecordFaults.prefix(5))")
    }

    /// Every kind each system's fault plan offers (Zoho without its 429s), 20 % in total, seeded.
    static func injectFaults(_ running: RunningSimulators, seed: UInt64) {
        var sap = FaultPlan.uniform(rate: 0.2, seed: seed)
        sap.slowResponseSeconds = 0.05
        running.sap.faults.setPlan(sap)
        let salesforceEach = 0.2 / 8
        running.salesforce.faults.setPlan(FaultPlan(
            seed: seed &+ 1, rateLimited: salesforceEach, rateLimitedWithoutRetryAfter: salesforceEach,
            serverError: salesforceEach, connectionReset: salesforceEach, slowResponse: salesforceEach,
            slowResponseSeconds: 0.05, tokenExpiry: salesforceEach, htmlErrorBody: salesforceEach,
            truncatedBody: salesforceEach))
        let zohoEach = 0.2 / 6
        running.zoho.faults.setPlan(FaultPlan(
            seed: seed &+ 2, serverError: zohoEach, connectionReset: zohoEach, slowResponse: zohoEach,
            slowResponseSeconds: 0.05, tokenExpiry: zohoEach, htmlErrorBody: zohoEach, truncatedBody: zohoEach))
    }

    /// A goods movement on a few random Materials, as warehouse users post them.
    static func moveStock(_ running: RunningSimulators, products: Int, random: inout SeededRandom) {
        for _ in 0..<3 {
            let code = ReliabilityDataset.productCode(Int.random(in: 1...products, using: &random))
            running.sap.setStock(
                material: code, plant: "1010", storageLocation: "0001",
                quantity: Decimal(Int.random(in: 0...30, using: &random)))
        }
    }

    /// Customer payments on a few invoices CRMSync created: half the balance or all of it.
    static func recordPayments(_ running: RunningSimulators, deals: [TrackedDeal], random: inout SeededRandom) {
        let ours = Set(deals.map { "SF-" + $0.opportunityID })
        let open = running.zoho.allInvoices().filter { ours.contains($0.referenceNumber) && $0.balance > 0 && $0.status != "void" }
        for invoice in open.shuffled(using: &random).prefix(3) {
            let amount = PaymentAmount.halfOrAll(of: invoice.balance, random: &random)
            _ = try? running.zoho.recordPayment(
                [ZohoBooksSimulator.PaymentApplication(invoiceID: invoice.invoiceID, amount: amount)], paymentMode: "banktransfer")
        }
    }

    static func problems(_ deals: [TrackedDeal], products: Int, _ running: RunningSimulators) -> [String] {
        DealOutcomeAudit.problems(deals, in: running) + SystemStateAudit.stockProblems(products: products, in: running)
            + SystemStateAudit.paymentProblems(deals, in: running)
    }
}
