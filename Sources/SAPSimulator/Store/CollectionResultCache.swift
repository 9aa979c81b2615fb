import Foundation
import Synchronization

/// The filtered and ordered rows of recent collection reads, so the pages of one paged read (`$skip` /
/// `$skiptoken`, same `$filter` and `$orderby`) do not filter and sort the whole entity set again.
///
/// Entries are keyed by the store's change counter: any change to any table makes them unreachable, so a page is
/// always what evaluating the request against the current data gives. Holds the last few results only.
final class CollectionResultCache: Sendable {
    private static let capacity = 4
    private let entries = Mutex<[(key: String, rows: [EntityRecord])]>([])

    /// The cached rows for `key`, or `compute()`'s (then cached).
    func rows(for key: String?, _ compute: () throws(SAPError) -> [EntityRecord]) throws(SAPError) -> [EntityRecord] {
        guard let key else { return try compute() }
        if let hit = entries.withLock({ $0.first { $0.key == key }?.rows }) { return hit }
        let rows = try compute()
        entries.withLock { entries in
            entries.removeAll { $0.key == key }
            entries.append((key, rows))
            if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
        }
        return rows
    }

    /// The cache key of a read of a whole entity set: the set, the store's change counter, `$filter` and `$orderby`.
    static func key(set: String, version: UInt64, parameters: [(String, String)]) -> String {
        let shaping = parameters.filter { ["$filter", "$orderby"].contains($0.0) }.map { "\($0.0)=\($0.1)" }
        return "\(set)#\(version)#" + shaping.joined(separator: "&")
    }
}
