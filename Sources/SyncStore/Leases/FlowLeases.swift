import Foundation
import SyncCore

/// What became of a claim on a flow's lease.
public enum FlowLeaseClaim: Sendable, Hashable {
    /// The claiming replica holds the lease: newly acquired, taken over after expiry, or renewed.
    case held(FlowLease)
    /// Another replica holds the lease and it has not expired (by the database's clock).
    case heldElsewhere(FlowLease)

    /// The lease as the store returned it.
    public var lease: FlowLease {
        switch self {
        case .held(let lease), .heldElsewhere(let lease): lease
        }
    }
}

/// Flow leases: one leader per flow among the replicas sharing a state store.
///
/// A replica claims each flow's lease for a time-to-live and renews it well before it lapses; a lease whose holder
/// stops renewing (killed, or cut off from the database) lapses and the next claim by another replica takes it,
/// with a fencing token one higher. Writes made under a lease go through `StateStore.fenced(by:)`, so a replica
/// that lost its lease cannot commit. PostgreSQL keeps leases in table `flow_lease` and decides every expiry by
/// the database's clock; the SQLite store (one process, holding the runner lock) always grants them.
public protocol FlowLeases: Sendable {
    /// Acquires the flow's lease for `holder`, or renews it when `holder` already holds it.
    ///
    /// The lease is granted when it is free, expired, or held by `holder`; the fencing token stays the same on a
    /// renewal of a live lease and grows by one otherwise (a new term). It then expires `ttl` after the database's
    /// current time.
    /// - Parameters:
    ///   - flow: the flow.
    ///   - holder: the replica id (`CRMSYNC_REPLICA_ID`).
    ///   - ttl: how long the lease lives unless renewed (seconds).
    /// - Returns: `.held` with the lease, or `.heldElsewhere` with the other replica's live lease.
    /// - Throws: `SyncError` `.stateStore` when the database fails.
    func claimLease(_ flow: SyncFlow, holder: String, ttl: TimeInterval) async throws -> FlowLeaseClaim

    /// Gives a lease up: when it is still this holder's term (same token), it expires now, so another replica can
    /// take the flow at its next claim. A lease taken over meanwhile is left alone.
    /// - Throws: `SyncError` `.stateStore` when the database fails.
    func releaseLease(_ lease: FlowLease) async throws

    /// Every flow's most recent lease, live or expired, in flow order.
    /// - Throws: `SyncError` `.stateStore` when the database fails.
    func currentLeases() async throws -> [FlowLease]
}
