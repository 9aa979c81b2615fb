import Logging
import SyncCore
import SyncStore

extension SyncRuntime {
    /// The flow leases of the runtime's state store: PostgreSQL's `flow_lease` table, or `LocalFlowLeases` on
    /// SQLite (its runner lock already makes this process the only runner).
    public var flowLeases: any FlowLeases {
        (store as any StateStore) as? any FlowLeases ?? LocalFlowLeases()
    }

    /// The leadership of this replica (`CRMSYNC_REPLICA_ID`) over `flows`, timed from the poll intervals.
    /// - Parameters:
    ///   - flows: the flows to lead (all four for `run`; the selected ones for `sync --once`).
    ///   - metrics: the recorder of the lease metrics.
    public func leadership(
        flows: Set<SyncFlow> = Set(SyncFlow.allCases), logger: Logger, metrics: EngineMetrics = EngineMetrics()
    ) -> FlowLeadership {
        FlowLeadership(
            replicaID: configuration.replicaID, flows: flows, leases: flowLeases, store: store,
            timing: LeaseTiming(pollIntervals: configuration.intervals), logger: logger, metrics: metrics)
    }
}
