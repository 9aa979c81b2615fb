import Foundation
import SyncCore

/// One replica's lease on one flow: while it holds it, only this replica runs and commits the flow.
///
/// On PostgreSQL a lease is a row of `flow_lease`; its `fencingToken` grows by one each time the lease changes hands,
/// and every write transaction made under the lease checks that the row still names this holder and token and has not
/// expired (by the database's clock), so a replica that lost its lease cannot commit. On SQLite one process holds the
/// runner lock and the lease is implicit.
public struct FlowLease: Sendable, Hashable, Codable {
    /// The flow the lease is for.
    public var flow: SyncFlow
    /// The replica holding it (`CRMSYNC_REPLICA_ID`, by default host name and process id).
    public var holder: String
    /// Grows by one each time the lease is taken by a replica (never reused).
    public var fencingToken: Int64
    /// When the lease lapses unless renewed (UTC, the database's clock).
    public var expiresAt: Date

    /// Creates a lease value.
    public init(flow: SyncFlow, holder: String, fencingToken: Int64, expiresAt: Date) {
        self.flow = flow
        self.holder = holder
        self.fencingToken = fencingToken
        self.expiresAt = expiresAt
    }
}
