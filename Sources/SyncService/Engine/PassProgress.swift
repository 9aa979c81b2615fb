import Foundation
import SyncCore

/// How far a running pass has got, reported after each committed page (for `backfill`'s progress display).
public struct PassProgress: Sendable, Hashable {
    /// Counts so far, per flow in flow order (records read = `observed`, `applied`, `dead`).
    public var flows: [FlowReport]
    /// The source timestamp (UTC) of the last record of the page just committed, in the stream being read
    /// (Opportunity `LastModifiedDate`/`SystemModstamp`, Zoho `last_modified_time`); nil for the stock flow, which
    /// has no time window.
    public var position: Date?

    public init(flows: [FlowReport], position: Date?) {
        self.flows = flows
        self.position = position
    }

    /// Source records read, summed over flows that read distinct streams (the deal flows share one read).
    public var recordsRead: Int {
        var deals = 0
        var others = 0
        for flow in flows {
            if flow.flow.isDealFlow { deals = max(deals, flow.observed) } else { others += flow.observed }
        }
        return deals + others
    }

    /// Actions applied, over all flows.
    public var applied: Int { flows.reduce(0) { $0 + $1.applied } }
    /// Actions that became dead letters, over all flows.
    public var dead: Int { flows.reduce(0) { $0 + $1.dead } }
}
