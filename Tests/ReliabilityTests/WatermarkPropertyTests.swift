import Foundation
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore
import Testing

/// Reliability suite 3 (issue 6): seeded random user activity (see `WatermarkScenario`) with shared timestamps,
/// records made visible late and CRMSync's clock skewed against the systems' clock (a fixed skew of up to ±2
/// minutes plus ±5 s of drift per poll), polled incrementally many times; then none missed and none applied twice,
/// through the simulators' state (one order, invoice and email per Closed Won deal, every write-back, payments) and
/// the journal (each create journaled once, applied, in one attempt). No full reconcile runs: the incremental
/// watermarks alone must get everything.
///
/// The guarantee under test is the documented one: a record that becomes visible within `CRMSYNC_OVERLAP_SECONDS`
/// (300 s) of its timestamp is read by a later poll. Lags here go up to 280 s.
///
/// Short: about 500 writes. Full (`CRMSYNC_RELIABILITY=full`): 10,000.
@Suite(.serialized) struct WatermarkPropertyTests {
    static let start = ISO8601DateFormatter().date(from: "2026-11-30T08:00:00Z")!

    @Test func randomizedWrites_noneMissedNoneAppliedTwice() async throws {
        let seed = ReliabilityScale.seed(for: "watermark-property")
        let targetWrites = ReliabilityScale.pick(short: 500, full: 10_000)
        let products = 25
        let accounts = ReliabilityScale.pick(short: 12, full: 120)
        let maxLag = 280.0
        var random = SeededRandom(seed: seed)
        let missingMaterials = targetWrites / 20
        let dataset = try ReliabilityDataset.make(
            products: products, accounts: accounts, sapMissing: missingMaterials, random: &random)
        let clock = ManualSimulatorClock(Self.start)
        let ours = SkewedClock(systems: clock)
        let baseSkew = Double(Int.random(in: -120...120, using: &random))

        let result = try await ReliabilitySimulators.run(seed: dataset, clock: clock, adjust: { configuration in
            // The JWT bearer check would refuse a client clock minutes ahead outright (its own test is in the
            // Salesforce suites); here the skew must reach the watermarks.
            configuration.salesforce.assertionClockSkewSeconds = 600
        }) { running in
            try await ReliabilitySimulators.withRuntime(
                running, statePath: ReliabilitySimulators.freshStatePath("watermark"), now: { ours.now() }
            ) { runtime in
                var scenario = WatermarkScenario(
                    running: running, clock: clock, products: products, accounts: accounts, maxLagSeconds: maxLag,
                    random: SeededRandom(seed: seed ^ 0x3A7E),
                    unusedMissingMaterials: (1...missingMaterials).map(ReliabilityDataset.missingCode))
                var polls = 0
                var sincePoll = 0
                var pollEvery = 1
                while scenario.writes < targetWrites {
                    if scenario.random.chance(0.6) { clock.advance(bySeconds: Double(Int.random(in: 1...20, using: &scenario.random))) }
                    try scenario.step()
                    sincePoll += 1
                    if sincePoll >= pollEvery {
                        ours.setSkew(baseSkew + Double(Int.random(in: -5...5, using: &scenario.random)))
                        _ = try await runtime.engine.runPass(flows: [.orders, .invoices, .payments])
                        polls += 1
                        sincePoll = 0
                        pollEvery = Int.random(in: 1...6, using: &scenario.random)
                    }
                }
                // The remaining Materials are released and their deals saved; everything committed late becomes
                // visible; two more ordinary polls pick it all up.
                try scenario.unblock(all: true)
                for _ in 0..<2 {
                    clock.advance(bySeconds: maxLag + 1)
                    _ = try await runtime.engine.runPass(flows: [.orders, .invoices, .payments])
                    polls += 1
                }
                var problems = DealOutcomeAudit.problems(scenario.won, in: running)
                problems += SystemStateAudit.paymentProblems(scenario.won, in: running)
                problems += try await Self.journalProblems(scenario.won, retried: scenario.unblocked, store: runtime.store)
                if !problems.isEmpty {
                    for letter in try await runtime.store.deadLetters(status: .open).prefix(10) {
                        problems.append("open dead letter \(letter.idempotencyKey): \(letter.error.description)")
                    }
                }
                for deal in scenario.open where running.sap.salesOrderCount(purchaseOrderByCustomer: deal.opportunityID) > 0 {
                    problems.append("\(deal.opportunityID): still open but has a Sales Order")
                }
                return (won: scenario.won.count, open: scenario.open.count, writes: scenario.writes, late: scenario.lateWrites,
                        shared: scenario.sharedStampWrites, unblocked: scenario.unblocked, polls: polls, problems: problems)
            }
        }
        print("[watermark-property] \(result.writes) writes (\(result.late) visible late, \(result.shared) with shared stamps, \(result.unblocked.count) "
              + "retried after SAP refused them), "
              + "\(result.won) Closed Won deals, \(result.open) left open, \(result.polls) polls, skew \(Int(baseSkew)) s ± 5 s")
        #expect(result.late > 0 && result.shared > 0 && !result.unblocked.isEmpty)
        #expect(result.problems.isEmpty, "seed \(seed):\n\(DealOutcomeAudit.summary(result.problems))")
    }

    /// Each deal's Sales Order and invoice are journaled once as applied, in a single attempt (a second attempt
    /// would mean the deal was taken up twice; there are no faults in this test). The Sales Orders SAP refused
    /// until their Material was released (`retried`) only need to end applied: a refused create is tried again
    /// once its Opportunity is saved again (a new version), and SAP's state shows there is exactly one order.
    static func journalProblems(_ deals: [TrackedDeal], retried: Set<String>, store: any StateStore) async throws -> [String] {
        var problems: [String] = []
        for batch in stride(from: 0, to: deals.count, by: 200).map({ Array(deals[$0..<min($0 + 200, deals.count)]) }) {
            let keys = batch.flatMap { deal in
                [IdempotencyKey.salesOrder(opportunity: deal.opportunityID), IdempotencyKey.invoice(opportunity: deal.opportunityID)]
            }
            let entries = try await store.journalEntries(keys)
            for key in keys {
                guard let entry = entries[key] else { problems.append("\(key): not journaled"); continue }
                let id = String(key.split(separator: "/").last ?? "")
                let refusedBefore = key.hasPrefix("orders/") && retried.contains(id)
                if entry.status != .applied || (!refusedBefore && entry.attempts != 1) {
                    problems.append("\(key): journal \(entry.status.rawValue) after \(entry.attempts) attempts")
                }
            }
        }
        return problems
    }
}
