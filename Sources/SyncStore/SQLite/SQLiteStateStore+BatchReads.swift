import Foundation
import GRDB

extension SQLiteStateStore {
    /// Keys per `IN (...)` statement: well under SQLite's bound-parameter limit.
    static let keysPerStatement = 500

    /// The rows of `table` whose `column` is one of `keys`, read with one cached statement per 500 keys and
    /// decoded by `Record.init(row:)`, in `column` order within each statement (`ORDER BY` gives a stable choice
    /// among several rows per key).
    static func rows<Record: FetchableRecord>(
        _ type: Record.Type, of table: SchemaTable, where column: String, in keys: [String], orderBy: String? = nil,
        _ db: Database
    ) throws -> [Record] {
        var records: [Record] = []
        records.reserveCapacity(keys.count)
        for start in stride(from: 0, to: keys.count, by: keysPerStatement) {
            let chunk = keys[start..<min(start + keysPerStatement, keys.count)]
            var sql = table.selectSQL(where: column, in: chunk.count)
            if let orderBy { sql += " ORDER BY \(orderBy)" }
            records += try Record.fetchAll(try db.cachedStatement(sql: sql), arguments: StatementArguments(chunk))
        }
        return records
    }

    /// The journal entries of `keys`.
    static func journalRows(_ db: Database, keys: [String]) throws -> [String: JournalEntry] {
        let entries = try rows(JournalEntry.self, of: StateSchema.journal, where: "idempotencyKey", in: keys, db)
        return Dictionary(entries.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The dead letters of `keys` (the first row per key, as a single-key read gives).
    static func deadLetterRows(_ db: Database, keys: [String]) throws -> [String: DeadLetter] {
        let letters = try rows(DeadLetter.self, of: StateSchema.deadLetter, where: "idempotencyKey", in: keys, orderBy: "id", db)
        return Dictionary(letters.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
