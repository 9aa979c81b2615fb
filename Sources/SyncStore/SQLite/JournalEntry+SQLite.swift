import Foundation
import GRDB

extension JournalEntry {
    /// Reads a `journal` row by column name with GRDB's value conversions (no Codable decoder): times as GRDB
    /// writes them (`yyyy-MM-dd HH:mm:ss.SSS`, UTC), `status` by its raw value, so rows written by either path read
    /// alike.
    /// - Throws: GRDB's `RowDecodingError` when a column is missing, NULL where required, or an unknown status.
    public init(row: Row) throws {
        self.init(
            idempotencyKey: try row.decode(forColumn: "idempotencyKey"), flow: try row.decode(forColumn: "flow"),
            kind: try row.decode(forColumn: "kind"), targetSystem: try row.decode(forColumn: "targetSystem"),
            recordID: try row.decode(forColumn: "recordID"), status: try row.decode(forColumn: "status"),
            attempts: try row.decode(forColumn: "attempts"), resultReference: try row.decode(forColumn: "resultReference"),
            errorCode: try row.decode(forColumn: "errorCode"), errorMessage: try row.decode(forColumn: "errorMessage"),
            createdAt: try row.decode(forColumn: "createdAt"), updatedAt: try row.decode(forColumn: "updatedAt"))
    }

    /// The entry's values in `StateSchema.journal` column order, for its `upsertSQL`; times through `dates`.
    func upsertArguments(_ dates: inout DatabaseDateCache) -> StatementArguments {
        [
            idempotencyKey, flow, kind, targetSystem, recordID, status, attempts, resultReference, errorCode,
            errorMessage, dates.value(createdAt), dates.value(updatedAt),
        ]
    }
}

/// Stored as its raw value (`applied`...), as the Codable record encoder wrote it.
extension JournalStatus: DatabaseValueConvertible {}
