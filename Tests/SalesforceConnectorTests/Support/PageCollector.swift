import Synchronization

/// Collects pages handed to a `@Sendable` page body.
final class PageCollector<Row: Sendable>: Sendable {
    private let pages = Mutex<[[Row]]>([])
    func append(_ page: [Row]) { pages.withLock { $0.append(page) } }
    var all: [[Row]] { pages.withLock { $0 } }
}
