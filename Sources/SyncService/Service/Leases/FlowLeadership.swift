import Foundation
import Logging
import SyncCore
import SyncStore

/// One replica's leadership of the flows: which flow leases it holds, kept renewed, and how long each stays valid.
///
/// Every `timing.claimInterval` the replica claims each of its `flows`: a lease it holds is renewed, a free or
/// expired one is taken (a new term, fencing token + 1), one held elsewhere is noted. A held lease stays valid
/// locally until `ttl` after the claim that granted it was *sent* — never later than the database's expiry — so a
/// replica whose renewals stop getting through (killed database connection, network cut) stops leading before
/// another replica can take over. Passes run through `underLeases(_:_:)`, which fences the state store and
/// cancels the pass the moment one of its leases lapses.
public actor FlowLeadership {
    /// This replica's id in the leases (`CRMSYNC_REPLICA_ID`).
    public nonisolated let replicaID: String
    /// The flows this replica contends for.
    public nonisolated let flows: Set<SyncFlow>
    /// Lease time-to-live and claim interval.
    public nonisolated let timing: LeaseTiming
    nonisolated let leases: any FlowLeases
    nonisolated let store: any StateStore
    nonisolated let logger: Logger
    nonisolated let metrics: EngineMetrics

    /// A lease this replica holds and the local instant until which it may act on it.
    struct HeldLease {
        var lease: FlowLease
        var validUntil: ContinuousClock.Instant
    }

    private var held: [SyncFlow: HeldLease] = [:]
    private var elsewhere: [SyncFlow: FlowLease] = [:]

    /// Creates the leadership of a replica.
    /// - Parameters:
    ///   - replicaID: the holder name written into the leases.
    ///   - flows: the flows to lead (all four for `run`; the selected ones for `sync --once`).
    ///   - leases: PostgreSQL's `flow_lease` table, or `LocalFlowLeases` on SQLite.
    ///   - store: the state store the passes write to (fenced by the held leases).
    ///   - metrics: the recorder of `crmsync_flow_leader` and the lease counters.
    public init(
        replicaID: String, flows: Set<SyncFlow> = Set(SyncFlow.allCases), leases: any FlowLeases, store: any StateStore,
        timing: LeaseTiming, logger: Logger, metrics: EngineMetrics
    ) {
        self.replicaID = replicaID
        self.flows = flows
        self.leases = leases
        self.store = store
        self.timing = timing
        self.logger = logger
        self.metrics = metrics
    }

    /// The flows whose lease this replica holds and may still act on; leases that lapsed are dropped (and logged).
    public func ledFlows() -> Set<SyncFlow> {
        let now = ContinuousClock.now
        for (flow, lease) in held where lease.validUntil <= now { lose(flow, reason: "lapsed") }
        return Set(held.keys)
    }

    /// The live leases of the contended flows that other replicas hold, as last seen, in flow order.
    public func leadersElsewhere() -> [FlowLease] {
        elsewhere.values.sorted { $0.flow < $1.flow }
    }

    /// One round of claims, one flow after the other. A claim that fails or takes longer than the TTL is logged and
    /// leaves the flow's lease to lapse at its local deadline.
    /// - Parameter renewingOnly: renew the leases held and take no new flow (a one-shot command's pass).
    public func claim(renewingOnly: Bool = false) async {
        for flow in flows.sorted() where !renewingOnly || held[flow] != nil {
            let sentAt = ContinuousClock.now
            do {
                switch try await claimWithinTTL(flow) {
                case .held(let lease):
                    if held[flow]?.lease.fencingToken != lease.fencingToken {
                        logger.notice("flow lease acquired", metadata: metadata(lease))
                        metrics.recordLeaseAcquired(flow)
                    }
                    held[flow] = HeldLease(lease: lease, validUntil: sentAt.advanced(by: timing.ttl))
                    elsewhere[flow] = nil
                case .heldElsewhere(let lease):
                    if held[flow] != nil { lose(flow, reason: "taken over") }
                    if elsewhere[flow]?.fencingToken != lease.fencingToken || elsewhere[flow]?.holder != lease.holder {
                        logger.info("flow led by another replica", metadata: metadata(lease))
                    }
                    elsewhere[flow] = lease
                }
            } catch is CancellationError {
                return
            } catch {
                logger.warning("flow lease claim failed", metadata: [
                    "sync.flow": "\(flow.rawValue)", "sync.error": "\((error as? SyncError)?.description ?? "\(type(of: error))")",
                ])
            }
        }
    }

    /// Drops leases this replica may no longer act on (a pass ended with `.leaseLost`); the next claim decides anew.
    public func drop(_ flows: Set<SyncFlow>) {
        for flow in flows where held[flow] != nil { lose(flow, reason: "pass ended without the lease") }
    }

    /// Gives every held lease up (it expires now), so another replica takes the flows at its next claim. Failures
    /// are logged: the leases then lapse after their TTL.
    public func releaseAll() async {
        for (flow, entry) in held.sorted(by: { $0.key < $1.key }) {
            held[flow] = nil
            metrics.recordLeaseReleased(flow)
            do {
                try await leases.releaseLease(entry.lease)
                logger.info("flow lease released", metadata: metadata(entry.lease))
            } catch {
                logger.warning("flow lease release failed", metadata: metadata(entry.lease))
            }
        }
    }

    /// The leases of `flows` and the earliest instant until which all are valid; nil when one is not held.
    func validity(of flows: Set<SyncFlow>) -> (leases: [FlowLease], until: ContinuousClock.Instant)? {
        let entries = flows.sorted().compactMap { held[$0] }
        guard entries.count == flows.count, let until = entries.map(\.validUntil).min(), until > .now else { return nil }
        return (entries.map(\.lease), until)
    }

    private func lose(_ flow: SyncFlow, reason: String) {
        guard let entry = held.removeValue(forKey: flow) else { return }
        var details = metadata(entry.lease)
        details["lease.reason"] = "\(reason)"
        logger.warning("flow lease lost", metadata: details)
        metrics.recordLeaseLost(flow)
    }

    private nonisolated func claimWithinTTL(_ flow: SyncFlow) async throws -> FlowLeaseClaim {
        let (leases, replicaID, timing) = (self.leases, self.replicaID, self.timing)
        return try await withThrowingTaskGroup(of: FlowLeaseClaim?.self) { group in
            group.addTask { try await leases.claimLease(flow, holder: replicaID, ttl: timing.ttlSeconds) }
            group.addTask {
                try await Task.sleep(for: timing.ttl)
                return nil
            }
            defer { group.cancelAll() }
            guard let claim = try await group.next() ?? nil else {
                throw SyncError(code: .timeout, system: .stateStore, message: "The \(flow.rawValue) lease claim took longer than the lease lives.")
            }
            return claim
        }
    }

    private nonisolated func metadata(_ lease: FlowLease) -> Logger.Metadata {
        [
            "sync.flow": "\(lease.flow.rawValue)", "lease.holder": "\(lease.holder)",
            "lease.fencing_token": "\(lease.fencingToken)", "lease.replica": "\(replicaID)",
        ]
    }
}
