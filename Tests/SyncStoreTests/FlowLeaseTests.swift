import Foundation
import SyncCore
@testable import SyncStore
import Testing

/// Flow lease semantics on PostgreSQL (table `flow_lease`, the database's clock) and the local SQLite leases.
///
/// A lease with a TTL of 0 expires at the instant of its own statement, so the next statement (a later `now()`)
/// sees it expired: expiry is tested without sleeping.
@Suite struct FlowLeaseTests {
    let watermark = Watermark(stream: "salesforce.opportunity.orders", position: Date(timeIntervalSince1970: 1_764_460_800), lastID: nil, updatedAt: Date(timeIntervalSince1970: 1_764_460_800))

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func firstClaim_beginsTermOne_andRenewalKeepsTheToken() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            let first = try await store.claimLease(.orders, holder: "replica-a", ttl: 30)
            guard case .held(let lease) = first else { Issue.record("not granted: \(first)"); return }
            #expect(lease.fencingToken == 1)
            #expect(lease.holder == "replica-a")
            let renewed = try await store.claimLease(.orders, holder: "replica-a", ttl: 60)
            #expect(renewed == .held(FlowLease(flow: .orders, holder: "replica-a", fencingToken: 1, expiresAt: renewed.lease.expiresAt)))
            #expect(renewed.lease.expiresAt.timeIntervalSince(lease.expiresAt) > 25)
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func twoHoldersRacing_exactlyOneWinsEachFlow() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            for flow in SyncFlow.allCases {
                async let a = store.claimLease(flow, holder: "replica-a", ttl: 30)
                async let b = store.claimLease(flow, holder: "replica-b", ttl: 30)
                let claims = try await [a, b]
                let winners = claims.filter { if case .held = $0 { true } else { false } }
                #expect(winners.count == 1, "\(flow): \(claims)")
                let winner = try #require(winners.first).lease
                #expect(winner.fencingToken == 1)
                #expect(claims.allSatisfy { $0.lease.holder == winner.holder }, "the loser is told who holds it")
            }
            #expect(try await store.currentLeases().map(\.flow) == SyncFlow.allCases)
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func liveLeaseOfAnother_isNotTaken() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            _ = try await store.claimLease(.stock, holder: "replica-a", ttl: 30)
            let claim = try await store.claimLease(.stock, holder: "replica-b", ttl: 30)
            guard case .heldElsewhere(let other) = claim else { Issue.record("taken while live: \(claim)"); return }
            #expect(other.holder == "replica-a")
            #expect(other.fencingToken == 1)
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func expiredLease_isTakenOver_withTheNextToken_andTheStaleFencedStoreCannotCommit() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            let old = try await store.claimLease(.orders, holder: "replica-a", ttl: 0).lease
            let takeover = try await store.claimLease(.orders, holder: "replica-b", ttl: 30)
            #expect(takeover == .held(FlowLease(flow: .orders, holder: "replica-b", fencingToken: 2, expiresAt: takeover.lease.expiresAt)))

            let stale = store.fenced(by: [old])
            await #expect(throws: SyncError.self) { try await stale.saveWatermark(watermark) }
            do {
                try await stale.saveWatermark(watermark)
            } catch let error as SyncError {
                #expect(error.code == .leaseLost, "\(error) \(error.underlying ?? "")")
            }
            #expect(try await store.watermark(for: watermark.stream) == nil, "nothing committed under the stale lease")

            try await store.fenced(by: [takeover.lease]).saveWatermark(watermark)
            #expect(try await store.watermark(for: watermark.stream)?.position == watermark.position)
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func sameHolderAfterExpiry_beginsANewTerm() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            _ = try await store.claimLease(.payments, holder: "replica-a", ttl: 0)
            let again = try await store.claimLease(.payments, holder: "replica-a", ttl: 30)
            #expect(again.lease.fencingToken == 2)
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func release_expiresNow_soAnotherTakesOverAtOnce() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            let lease = try await store.claimLease(.invoices, holder: "replica-a", ttl: 60).lease
            try await store.releaseLease(lease)
            let claim = try await store.claimLease(.invoices, holder: "replica-b", ttl: 60)
            #expect(claim == .held(FlowLease(flow: .invoices, holder: "replica-b", fencingToken: 2, expiresAt: claim.lease.expiresAt)))
            // A release of a lease that changed hands leaves the new holder's lease alone.
            try await store.releaseLease(lease)
            #expect(try await store.claimLease(.invoices, holder: "replica-a", ttl: 60).lease.holder == "replica-b")
        }
    }

    @Test(.disabled(if: TestStores.postgresURL == nil, TestStores.postgresSkipReason))
    func fencedStoreUnderLiveLease_commits() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            let lease = try await store.claimLease(.orders, holder: "replica-a", ttl: 30).lease
            try await store.fenced(by: [lease]).saveWatermark(watermark)
            #expect(try await store.watermark(for: watermark.stream) != nil)
        }
    }

    @Test func localLeases_alwaysGrantThisProcess_andListIt() async throws {
        let leases = LocalFlowLeases(now: { Date(timeIntervalSince1970: 1_764_460_800) })
        let claim = try await leases.claimLease(.stock, holder: "host-42", ttl: 90)
        #expect(claim == .held(FlowLease(flow: .stock, holder: "host-42", fencingToken: 1, expiresAt: Date(timeIntervalSince1970: 1_764_460_890))))
        _ = try await leases.claimLease(.orders, holder: "host-42", ttl: 90)
        #expect(try await leases.currentLeases().map(\.flow) == [.orders, .stock])
        try await leases.releaseLease(claim.lease)
        #expect(try await leases.currentLeases().last?.expiresAt == Date(timeIntervalSince1970: 1_764_460_800))
    }
}
