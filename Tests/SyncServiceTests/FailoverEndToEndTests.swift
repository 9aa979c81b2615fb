import Foundation
import SimulatorKit
import SyncCore
import SyncService
import SyncStore
import Testing

/// Two replicas of `run` on one PostgreSQL state store against the simulators: the leader of the deal flows is
/// stopped mid-sync, the other takes over within two poll intervals, and every Closed Won deal still ends with
/// exactly one SAP Sales Order, one Zoho invoice and one email, with both numbers written back.
@Suite(.serialized) struct FailoverEndToEndTests {
    /// The poll interval of the deal flows (seconds): the lease TTL is 3.6 s, claims every 0.9 s (wide enough that
    /// a loaded CI machine running the other suites alongside does not miss renewals).
    static let interval: TimeInterval = 3

    enum Stop: String, CaseIterable, CustomTestStringConvertible {
        /// The leader's task is cancelled: nothing released, its connections closed (SIGKILL).
        case killed
        /// The leader can no longer log in or use the schema (a network cut); it keeps running, unable to renew.
        case cutOff

        var testDescription: String { rawValue }
    }

    @Test(.disabled(if: ReplicaDatabase.url == nil, ReplicaDatabase.skipReason), arguments: Stop.allCases)
    func leaderStoppedMidSync_otherReplicaTakesOver_andEachDealIsCreatedOnce(_ stop: Stop) async throws {
        try await ReplicaDatabase.with(replicas: ["replica-a", "replica-b"]) { locations in
            try await EndToEnd.run { e2e in
                // Slow SAP answers a little so the leader's first pass is surely still going when it is stopped.
                e2e.running.sap.faults.setPlan(FaultPlan(slowResponse: 1, slowResponseSeconds: 0.01))
                let a = TestReplica(id: "replica-a", location: locations["replica-a"]!, interval: Self.interval)
                let b = TestReplica(id: "replica-b", location: locations["replica-b"]!, interval: Self.interval)
                let deals = SeedDeal.closedWon(in: e2e.seed)
                let expectedOrders = deals.filter(\.sapCanTakeIt).count

                try await withThrowingTaskGroup(of: Void.self) { group in
                    group.addTask { await a.run(e2e.runtime) }
                    #expect(try await eventually(within: .seconds(15)) { await a.ledFlows() == [.orders, .invoices] })
                    group.addTask { await b.run(e2e.runtime) }
                    #expect(try await eventually(within: .seconds(30)) { e2e.running.sap.salesOrderCount() >= 2 })
                    #expect(await b.ledFlows().isEmpty, "the standby leads nothing while the leader renews")

                    let stoppedAt = ContinuousClock.now
                    let ordersWhenStopped = e2e.running.sap.salesOrderCount()
                    switch stop {
                    case .killed: a.stop()
                    case .cutOff: try await ReplicaDatabase.cutOff(locations["replica-a"]!)
                    }
                    #expect(ordersWhenStopped < expectedOrders, "stopped mid-sync")

                    #expect(try await eventually(within: .seconds(2 * Self.interval + 2)) { await b.ledFlows() == [.orders, .invoices] })
                    let takeover = ContinuousClock.now - stoppedAt
                    #expect(takeover < .seconds(2 * Self.interval), "taken over in \(takeover)")
                    if stop == .cutOff { #expect(await a.ledFlows().isEmpty, "the cut-off leader stopped leading") }
                    let shown = try await Self.dealLeaders(b)
                    #expect(shown == ["orders replica-b 2 live", "invoices replica-b 2 live"], "status names the new leader")

                    let done = try await eventually(within: .seconds(60)) { Self.allDealsDone(deals, e2e) }
                    #expect(done, "every deal synced by the new leader")
                    a.stop()
                    b.stop()
                }
                Self.expectEachDealOnce(deals, e2e)
            }
        }
    }

    /// The deal flows' leaders as the replica's status shows them: "flow replica token live|expired".
    static func dealLeaders(_ replica: TestReplica) async throws -> [String] {
        let leaders = try await replica.status()?.leaders ?? []
        return leaders.filter { $0.flow == "orders" || $0.flow == "invoices" }
            .map { "\($0.flow) \($0.replica) \($0.fencingToken) \($0.expired ? "expired" : "live")" }
    }

    /// True when every deal that SAP or Zoho can take has its numbers written back.
    static func allDealsDone(_ deals: [SeedDeal], _ e2e: EndToEnd) -> Bool {
        deals.allSatisfy { deal in
            let record = e2e.running.salesforce.record(id: e2e.opportunityID(deal.opportunity.key)) ?? [:]
            return (!deal.sapCanTakeIt || record["SAP_Order_Number__c"].map { $0 != .null } == true)
                && (!deal.zohoCanTakeIt || record["Zoho_Invoice_Number__c"].map { $0 != .null } == true)
        }
    }

    /// Exactly one Sales Order, invoice and email per deal that can have them, and the numbers written back.
    static func expectEachDealOnce(_ deals: [SeedDeal], _ e2e: EndToEnd) {
        for deal in deals {
            let id = e2e.opportunityID(deal.opportunity.key)
            let orders = e2e.running.sap.salesOrders(purchaseOrderByCustomer: id)
            let invoices = e2e.running.zoho.invoices(referenceNumber: "SF-" + id)
            let record = e2e.running.salesforce.record(id: id) ?? [:]
            #expect(orders.count == (deal.sapCanTakeIt ? 1 : 0), "deal \(deal.opportunity.key)")
            #expect(invoices.count == (deal.zohoCanTakeIt ? 1 : 0), "deal \(deal.opportunity.key)")
            if deal.sapCanTakeIt {
                #expect(record["SAP_Order_Number__c"] == .string(orders.first?.salesOrder ?? "-"), "deal \(deal.opportunity.key)")
            }
            if deal.zohoCanTakeIt {
                #expect(record["Zoho_Invoice_Number__c"] == .string(invoices.first?.invoiceNumber ?? "-"), "deal \(deal.opportunity.key)")
                let emails = e2e.running.zoho.sentEmails(invoiceID: invoices.first?.invoiceID).count
                #expect(emails == (deal.hasEmail ? 1 : 0), "deal \(deal.opportunity.key)")
            }
        }
    }
}
