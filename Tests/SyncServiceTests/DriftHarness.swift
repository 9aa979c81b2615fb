import Foundation
import Logging
import SalesforceSimulator
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore

/// The end-to-end set-up of the drift tests: the four simulators with a seed the test may narrow, a runtime on a
/// fresh state file, and helpers that act as the systems' users would through the simulators' operator API.
struct DriftHarness: Sendable {
    let running: RunningSimulators
    let runtime: SyncRuntime
    let seed: SeedDataset

    /// Starts the simulators on `seed` (default: the bundled seed), builds the runtime and runs `body`.
    static func run<R: Sendable>(
        seed transform: @Sendable (inout SeedDataset) -> Void = { _ in },
        _ body: @Sendable (DriftHarness) async throws -> R
    ) async throws -> R {
        var seed = try SeedDataset.bundled()
        transform(&seed)
        var configuration = SimulatorSuite.Configuration()
        configuration.zoho.requestsPerWindow = 6000
        configuration.zoho.dailyRequestLimit = 1_000_000
        configuration.seed = seed
        let finalSeed = seed
        return try await withSimulators(configuration, logger: EndToEnd.quietLogger) { running in
            let appConfiguration = try await EndToEnd.configuration(for: running, seed: finalSeed, extra: [:])
            return try await withSyncRuntime(configuration: appConfiguration, logger: EndToEnd.quietLogger) { runtime in
                try await body(DriftHarness(running: running, runtime: runtime, seed: finalSeed))
            }
        }
    }

    /// The seed without its bad-input cases: only Closed Won deals SAP and Zoho take, with an email, and only
    /// products both systems know, each with at least 50 units in stock (those without stock are left out) — so a clean sync leaves nothing to report
    /// and raises no alert (Slack's pacing of one message per second would only slow the tests down).
    static func cleanSeed(_ seed: inout SeedDataset) {
        for index in seed.products.indices {
            for bucket in seed.products[index].stock.indices where Decimal(string: seed.products[index].stock[bucket].quantity)! < 50 {
                seed.products[index].stock[bucket].quantity = "50"
            }
        }
        let deals = SeedDeal.closedWon(in: seed)
        let bad = Set(deals.filter { !($0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail) }.map(\.opportunity.key))
        seed.opportunities.removeAll { bad.contains($0.key) }
        seed.products.removeAll { !$0.inSAP || !$0.inSalesforce || $0.stock.isEmpty }
        let codes = Set(seed.products.map(\.code))
        seed.opportunities.removeAll { opportunity in opportunity.lines.contains { !codes.contains($0.product) } }
    }

    /// The drift report as `crm-sync drift` makes it.
    func drift(_ flows: Set<SyncFlow> = Set(SyncFlow.allCases)) async throws -> DriftReport {
        try await DriftDetector(runtime: runtime, flows: flows).detect()
    }

    /// One normal pass of every flow, as `sync --once` runs it.
    func sync() async throws {
        _ = try await runtime.engine.runPass(flows: Set(SyncFlow.allCases))
    }

    /// `crm-sync reconcile --full` (its alerts are left queued: Slack's pacing would only slow the test down).
    @discardableResult
    func reconcileFull() async throws -> PassReport {
        try await runtime.engine.runPass(flows: Set(SyncFlow.allCases), mode: .full)
    }

    /// A seeded Closed Won deal both systems took, with an email.
    func goodDeal(_ index: Int = 0) -> (key: String, id: String) {
        let deal = SeedDeal.closedWon(in: seed).filter { $0.sapCanTakeIt && $0.zohoCanTakeIt && $0.hasEmail }[index]
        return (deal.opportunity.key, running.salesforce.seedId("opportunity:\(deal.opportunity.key)")!)
    }

    /// The Opportunity as the connector reads it (with line items and sync fields).
    func opportunity(_ id: String) async throws -> Opportunity {
        let collector = OpportunityBox()
        try await runtime.salesforce.forEachOpportunityPage(OpportunityQuery(onlyWon: false, includeDeleted: true, ids: [id])) { page in
            await collector.set(page.first)
        }
        return await collector.value!
    }
}

/// Holds one Opportunity across a page callback.
actor OpportunityBox {
    var value: Opportunity?
    func set(_ opportunity: Opportunity?) { value = opportunity }
}
