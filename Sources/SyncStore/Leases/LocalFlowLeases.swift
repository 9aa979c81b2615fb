import Foundation
import Synchronization
import SyncCore

/// Flow leases of a single process on the SQLite store: the process holding the runner lock leads every flow.
///
/// Every claim is granted (fencing token 1; there is never another holder), and the leases it granted are listed
/// as held by this process. Nothing is written to the database.
public final class LocalFlowLeases: FlowLeases {
    private let now: @Sendable () -> Date
    private let granted = Mutex<[SyncFlow: FlowLease]>([:])

    /// Creates the local leases.
    /// - Parameter now: the clock (UTC) for the expiry shown by `status`.
    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    public func claimLease(_ flow: SyncFlow, holder: String, ttl: TimeInterval) async throws -> FlowLeaseClaim {
        let lease = FlowLease(flow: flow, holder: holder, fencingToken: 1, expiresAt: now().addingTimeInterval(ttl))
        granted.withLock { $0[flow] = lease }
        return .held(lease)
    }

    public func releaseLease(_ lease: FlowLease) async throws {
        let time = now()
        granted.withLock { leases in
            if leases[lease.flow]?.holder == lease.holder { leases[lease.flow]?.expiresAt = time }
        }
    }

    public func currentLeases() async throws -> [FlowLease] {
        granted.withLock { leases in SyncFlow.allCases.compactMap { leases[$0] } }
    }
}
