import Foundation
import SyncCore

/// The flow leases of replicas sharing this PostgreSQL store (table `flow_lease`; see `PostgresFlowLeases`).
///
/// Claims and releases are single statements outside any fenced transaction, so a replica can take over a flow
/// whose previous holder is gone. A claim waits for a fenced write transaction of the previous holder that is still
/// open (it holds the lease row `FOR SHARE`), so nothing is committed under a lease after it changed hands.
extension PostgresStateStore: FlowLeases {
    private var flowLeases: PostgresFlowLeases { PostgresFlowLeases(client: client, logger: logger) }

    public func claimLease(_ flow: SyncFlow, holder: String, ttl: TimeInterval) async throws -> FlowLeaseClaim {
        try await flowLeases.claimLease(flow, holder: holder, ttl: ttl)
    }

    public func releaseLease(_ lease: FlowLease) async throws {
        try await flowLeases.releaseLease(lease)
    }

    public func currentLeases() async throws -> [FlowLease] {
        try await flowLeases.currentLeases()
    }
}
