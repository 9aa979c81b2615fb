import Foundation
import GRDB

/// GRDB's stored text for the few distinct times one write transaction binds, each formatted once.
///
/// A batch stamps every row with the same `now` (and the `createdAt` of the batch that started it), and GRDB
/// formats a `Date` through `DateFormatter` (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), which dominated the hot writes. The
/// values are GRDB's own `Date.databaseValue`, so the stored text is byte for byte what the record encoder wrote.
/// Lives for one transaction (its size is bounded by the distinct times of one batch).
struct DatabaseDateCache {
    private var values: [Date: DatabaseValue] = [:]

    /// GRDB's value for `date`, formatted on first use.
    mutating func value(_ date: Date) -> DatabaseValue {
        if let value = values[date] { return value }
        let value = date.databaseValue
        values[date] = value
        return value
    }

    /// GRDB's value for `date`, or SQL `NULL`.
    mutating func value(_ date: Date?) -> DatabaseValue {
        date.map { value($0) } ?? .null
    }
}
