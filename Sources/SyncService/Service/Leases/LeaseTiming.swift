import Foundation
import SyncCore

/// How long a flow lease lives and how often it is renewed, derived from the poll intervals.
///
/// The time-to-live is 1.2 × the shortest poll interval and every replica claims (the leader renews, the others try
/// to take over) every quarter of it, so a leader that was killed or cut off from the database is replaced within
/// TTL + one claim interval = 1.5 poll intervals (90 s with the default 60 s interval), well inside two. A leader
/// gets four renewals before its lease could lapse, and stops its flows at once when none of them got through.
public struct LeaseTiming: Sendable, Hashable {
    /// How long a lease lives unless renewed.
    public var ttl: Duration
    /// How often each replica claims its flows' leases.
    public var claimInterval: Duration

    /// Explicit timing.
    public init(ttl: Duration, claimInterval: Duration) {
        self.ttl = ttl
        self.claimInterval = claimInterval
    }

    /// The timing for poll intervals in seconds (the shortest one counts; 60 s when there is none).
    public init(pollIntervals: [SyncFlow: TimeInterval]) {
        let shortest = max(pollIntervals.values.min() ?? 60, 0.1)
        let ttlMilliseconds = Int64((shortest * 1.2 * 1000).rounded())
        self.init(ttl: .milliseconds(ttlMilliseconds), claimInterval: .milliseconds(ttlMilliseconds / 4))
    }

    /// The time-to-live in seconds (for the database's `make_interval`).
    public var ttlSeconds: TimeInterval {
        let parts = ttl.components
        return TimeInterval(parts.seconds) + TimeInterval(parts.attoseconds) / 1e18
    }
}
