import Foundation

/// How far a stream has been read: every record at or before (`position`, `lastID`) is applied or dead-lettered.
///
/// Polls re-read from `position - overlap` with `>=` and order by (timestamp, id), so records sharing a timestamp
/// or becoming visible late (commit lag) are seen again; planning is idempotent, so re-reading costs no writes.
public struct Watermark: Sendable, Hashable, Codable {
    /// The stream, e.g. `"salesforce.opportunity.orders"` (see `SyncFlow.stream`).
    public var stream: String
    /// The highest source timestamp (UTC) below which everything is done.
    public var position: Date
    /// The id of the last record at `position`, as a tie-breaker; informational.
    public var lastID: String?
    /// When the watermark was last moved (UTC).
    public var updatedAt: Date

    public init(stream: String, position: Date, lastID: String?, updatedAt: Date) {
        self.stream = stream
        self.position = position
        self.lastID = lastID
        self.updatedAt = updatedAt
    }
}

/// Computes how far a watermark may move after a pass.
///
/// Every observed record is reported as done (applied, dead-lettered or nothing to do) or pending (failed for a
/// reason that is not the record's, such as an outage or an exhausted quota). The watermark moves to the newest
/// done timestamp if nothing is pending, else to just before the oldest pending one, and never backwards.
///
/// Worked example: done at 10:00, 10:05, pending at 10:03 -> the watermark moves to 10:03 minus 1 ms, so the next
/// poll (which reads `>= watermark - overlap`) sees the pending record again.
public struct WatermarkTracker: Sendable {
    private var newestDone: (Date, String)?
    private var oldestPending: Date?

    public init() {}

    /// Reports a record as done.
    public mutating func done(at timestamp: Date, id: String) {
        if let current = newestDone, (current.0, current.1) >= (timestamp, id) { return }
        newestDone = (timestamp, id)
    }

    /// Reports a record as pending.
    public mutating func pending(at timestamp: Date) {
        if let current = oldestPending, current <= timestamp { return }
        oldestPending = timestamp
    }

    /// True when any record was left pending.
    public var hasPending: Bool { oldestPending != nil }

    /// The new watermark position, or `nil` when it should not move.
    /// - Parameter current: the stored watermark position.
    public func advanced(from current: Date?) -> (position: Date, lastID: String?)? {
        let candidate: (Date, String?)
        if let pending = oldestPending {
            candidate = (pending.addingTimeInterval(-0.001), nil)
        } else if let done = newestDone {
            candidate = (done.0, done.1)
        } else {
            return nil
        }
        if let current, candidate.0 <= current { return nil }
        return (candidate.0, candidate.1)
    }
}
