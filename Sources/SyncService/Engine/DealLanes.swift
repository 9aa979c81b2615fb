import SyncCore
import SyncStore

/// What every lane of a deal page shares: the planner and the page's journal entries and open dead letters, read
/// once before the lanes start.
struct DealPageContext: Sendable {
    let planner: DealPlanner
    /// Journal entries of the page's first plans, by idempotency key.
    let journal: [String: JournalEntry]
    /// Open dead letters of the page's failed actions, by idempotency key.
    let openDeadLetters: [String: DeadLetter]
}

/// What one lane of a deal page leaves for the page's watermark and dead-letter bookkeeping.
struct DealLaneOutcome: Sendable {
    /// Opportunity Ids a stopped system could not serve: they stay behind the watermark.
    var pending: Set<String> = []
    /// Reject keys (`IdempotencyKey.reject`) of deals that are valid now, whose open dead letters are resolved.
    var noLongerRejected: [String] = []

    mutating func merge(_ other: DealLaneOutcome) {
        pending.formUnion(other.pending)
        noLongerRejected += other.noLongerRejected
    }
}

/// The split of a deal page into lanes that may run side by side.
enum DealLanes {
    /// One lane per Account (deals without an Account each in a lane of their own), in the order of each lane's first
    /// deal in the page; within a lane the page's order. Deals of one Account share its Business Partner and Zoho
    /// contact, which the first of them may create, so they never run side by side.
    static func byAccount(_ page: [Opportunity]) -> [[Opportunity]] {
        var lanes: [[Opportunity]] = []
        var laneOfAccount: [String: Int] = [:]
        for opportunity in page {
            guard let accountID = opportunity.account?.id else {
                lanes.append([opportunity])
                continue
            }
            if let index = laneOfAccount[accountID] {
                lanes[index].append(opportunity)
            } else {
                laneOfAccount[accountID] = lanes.count
                lanes.append([opportunity])
            }
        }
        return lanes
    }
}
