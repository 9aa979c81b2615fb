import Foundation
import SyncCore
import SyncStore

/// Which replica leads a flow, for `crm-sync status` and `/status` (PostgreSQL table `flow_lease`).
public struct FlowLeaderStatus: Sendable, Codable, Hashable {
    /// The flow name.
    public var flow: String
    /// The replica holding (or, when `expired`, last holding) the lease: its `CRMSYNC_REPLICA_ID`.
    public var replica: String
    /// The lease's fencing token (grows by one with each new term).
    public var fencingToken: Int64
    /// When the lease lapses unless renewed (UTC, the database's clock).
    public var expiresAt: Date
    /// True when the lease had expired when the status was read: nobody leads the flow until a replica claims it.
    public var expired: Bool

    /// The leaders recorded in a state store; nil for a store without leases (SQLite: its one runner leads all).
    /// - Throws: `SyncError` `.stateStore`.
    public static func read(from store: any StateStore, now: Date) async throws -> [FlowLeaderStatus]? {
        guard let leases = store as? any FlowLeases else { return nil }
        return try await leases.currentLeases().map {
            FlowLeaderStatus(
                flow: $0.flow.rawValue, replica: $0.holder, fencingToken: $0.fencingToken, expiresAt: $0.expiresAt,
                expired: $0.expiresAt <= now)
        }
    }
}
