import Foundation
import Metrics
import SyncCore
import SyncService
import SyncStore
import Testing

/// Lease timing and the single-process (SQLite) leadership.
@Suite struct LeaseTimingTests {
    /// Issue 7: a killed or cut-off leader is replaced within two poll intervals. The worst case is a kill right
    /// after a renewal: the lease lives one TTL, and the standby's next claim comes at most one claim interval later.
    @Test(arguments: [1.0, 60.0, 3600.0])
    func worstCaseTakeover_isWithinTwoPollIntervals(_ interval: TimeInterval) {
        let timing = LeaseTiming(pollIntervals: [.orders: interval, .invoices: interval * 2, .stock: 3600, .payments: interval])
        #expect(timing.ttl + timing.claimInterval < .seconds(2 * interval))
        #expect(timing.ttl >= timing.claimInterval * 3, "the leader gets several renewals before its lease can lapse")
    }

    @Test func defaultIntervals_giveA72SecondLeaseClaimedEvery18Seconds() {
        let timing = LeaseTiming(pollIntervals: [.orders: 60, .invoices: 60, .stock: 3600, .payments: 60])
        #expect(timing.ttl == .seconds(72))
        #expect(timing.claimInterval == .seconds(18))
        #expect(timing.ttlSeconds == 72)
    }

    @Test func localLeadership_leadsEveryFlow_andRunsPassesOnTheStore() async throws {
        let store = try SQLiteStateStore.inMemory()
        let leadership = FlowLeadership(
            replicaID: "host-1", leases: LocalFlowLeases(), store: store,
            timing: LeaseTiming(ttl: .seconds(60), claimInterval: .seconds(15)), logger: EndToEnd.quietLogger,
            metrics: EngineMetrics(factory: NOOPMetricsHandler.instance))
        let outcome = try await leadership.once { led, fenced in
            try await fenced.saveWatermark(Watermark(stream: "s", position: Date(timeIntervalSince1970: 0), lastID: nil, updatedAt: Date(timeIntervalSince1970: 0)))
            return led
        }
        #expect(outcome.result == Set(SyncFlow.allCases))
        #expect(outcome.ledElsewhere.isEmpty)
        #expect(try await store.watermark(for: "s") != nil)
        #expect(await leadership.ledFlows().isEmpty, "released after the one-shot pass")
    }
}
