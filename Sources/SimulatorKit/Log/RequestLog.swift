import Foundation
import Synchronization

/// Every API request a simulator answered, for tests and benchmarks that count calls.
///
/// Thread-safe. Requests under `/_operator` are not recorded (they are the test harness, not API traffic).
public final class RequestLog: Sendable {
    /// One answered request.
    public struct Entry: Sendable, Hashable {
        /// HTTP method, e.g. `"GET"`.
        public var method: String
        /// Low-cardinality label of the endpoint, e.g. `"query"`, `"A_SalesOrder"`, `"invoices"`.
        public var endpoint: String
        /// Request path without the query string.
        public var path: String
        /// HTTP status of the answer (0 when the connection was closed without an answer).
        public var status: Int
        /// When the answer was sent (simulator clock, UTC).
        public var at: Date

        /// Creates an entry.
        public init(method: String, endpoint: String, path: String, status: Int, at: Date) {
            self.method = method
            self.endpoint = endpoint
            self.path = path
            self.status = status
            self.at = at
        }
    }

    private let storage = Mutex<[Entry]>([])

    /// Creates an empty log.
    public init() {}

    /// Appends `entry`.
    public func record(_ entry: Entry) {
        storage.withLock { $0.append(entry) }
    }

    /// The number of entries matching `endpoint` and `method` (`nil` matches any).
    public func count(endpoint: String? = nil, method: String? = nil) -> Int {
        storage.withLock { entries in
            entries.reduce(0) { total, entry in
                let matches = (endpoint == nil || entry.endpoint == endpoint) && (method == nil || entry.method == method)
                return matches ? total + 1 : total
            }
        }
    }

    /// Counts keyed `"METHOD endpoint"`, e.g. `["GET query": 3, "PATCH sobjects.Opportunity": 1]`.
    public func countsByEndpoint() -> [String: Int] {
        storage.withLock { entries in
            entries.reduce(into: [:]) { counts, entry in counts["\(entry.method) \(entry.endpoint)", default: 0] += 1 }
        }
    }

    /// All entries, oldest first.
    public var entries: [Entry] {
        storage.withLock { $0 }
    }

    /// Forgets every entry.
    public func reset() {
        storage.withLock { $0.removeAll() }
    }
}
