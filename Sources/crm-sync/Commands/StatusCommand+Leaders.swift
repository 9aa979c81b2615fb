import Foundation
import SyncService

/// The flow leader lines of `status`: which replica leads which flow, its fencing token and the lease's expiry.
func leaderTable(_ leaders: [FlowLeaderStatus]?) -> String {
    guard let leaders else { return "Flow leaders: the one runner holding the state store's lock (SQLite)" }
    guard !leaders.isEmpty else { return "Flow leaders: none yet (no replica has claimed a flow)" }
    return "Flow leaders:\n" + table(["flow", "replica", "fencing token", "lease expires (UTC)"], leaders.map {
        [$0.flow, $0.expired ? "none (\($0.replica)'s lease expired)" : $0.replica, "\($0.fencingToken)",
         ISO8601DateFormatter().string(from: $0.expiresAt)]
    })
}
