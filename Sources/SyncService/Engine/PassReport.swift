import Foundation
import SyncCore

/// What one pass of one flow did.
public struct FlowReport: Sendable, Hashable, Codable {
    /// The flow.
    public var flow: SyncFlow
    /// Source records read.
    public var observed = 0
    /// Actions planned.
    public var planned = 0
    /// Actions applied.
    public var applied = 0
    /// Actions that failed for reasons that are not the record's and will be tried again.
    public var failed = 0
    /// Actions that became dead letters.
    public var dead = 0
    /// The error that stopped the flow's system for this pass, if any.
    public var stoppedBy: SyncError?
    /// For a backfill that resumed an interrupted run of the same window: the saved cursor it started from (UTC).
    public var resumedFrom: Date?
    /// The actions planned (kept only for dry runs and `plan`).
    public var plannedActions: [ReconcileAction] = []

    public init(flow: SyncFlow) {
        self.flow = flow
    }

    /// True when nothing failed and nothing was stopped.
    public var succeeded: Bool { failed == 0 && dead == 0 && stoppedBy == nil }
}

/// What one pass did, per flow.
public struct PassReport: Sendable, Hashable, Codable {
    /// Per flow, in flow order.
    public var flows: [FlowReport]
    /// When the pass started and finished (UTC).
    public var startedAt: Date
    public var finishedAt: Date

    public init(flows: [FlowReport], startedAt: Date, finishedAt: Date) {
        self.flows = flows
        self.startedAt = startedAt
        self.finishedAt = finishedAt
    }

    /// True when every flow succeeded.
    public var succeeded: Bool { flows.allSatisfy(\.succeeded) }
}
