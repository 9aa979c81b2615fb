import Foundation

/// One pass of the engine with its counts.
public struct SyncRun: Sendable, Hashable, Codable, Identifiable {
    /// What kind of run.
    public enum Kind: String, Sendable, Hashable, Codable {
        case incremental, full, backfill, retry
    }

    /// The outcome.
    public enum Outcome: String, Sendable, Hashable, Codable {
        case running, succeeded, partial, failed
    }

    /// Row id.
    public var id: Int64?
    /// The flow.
    public var flow: String
    public var kind: Kind
    public var outcome: Outcome
    /// Records read from the source.
    public var observed: Int
    /// Actions planned.
    public var planned: Int
    /// Actions applied.
    public var applied: Int
    /// Actions that failed and will be tried again.
    public var failed: Int
    /// Actions that became dead letters.
    public var dead: Int
    /// A short summary of the error that ended the run, if any.
    public var errorMessage: String?
    public var startedAt: Date
    public var finishedAt: Date?

    public init(
        id: Int64? = nil, flow: String, kind: Kind, outcome: Outcome = .running, observed: Int = 0, planned: Int = 0,
        applied: Int = 0, failed: Int = 0, dead: Int = 0, errorMessage: String? = nil, startedAt: Date,
        finishedAt: Date? = nil
    ) {
        self.id = id
        self.flow = flow
        self.kind = kind
        self.outcome = outcome
        self.observed = observed
        self.planned = planned
        self.applied = applied
        self.failed = failed
        self.dead = dead
        self.errorMessage = errorMessage
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }
}
