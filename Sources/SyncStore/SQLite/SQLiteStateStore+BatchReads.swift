import Foundation
import GRDB

extension SQLiteStateStore {
    /// The journal entries of `keys`, read with one statement per 500 keys.
    static func journalRows(_ db: Database, keys: [String]) throws -> [String: JournalEntry] {
        var rows: [String: JournalEntry] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
            for entry in try JournalEntry.fetchAll(db, keys: chunk) { rows[entry.idempotencyKey] = entry }
        }
        return rows
    }

    /// The dead letters of `keys` (the first row per key, as a single-key read gives), one statement per 500 keys.
    static func deadLetterRows(_ db: Database, keys: [String]) throws -> [String: DeadLetter] {
        var rows: [String: DeadLetter] = [:]
        for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
            let letters = try DeadLetter.filter(chunk.contains(Column("idempotencyKey"))).order(Column.rowID).fetchAll(db)
            for letter in letters where rows[letter.idempotencyKey] == nil { rows[letter.idempotencyKey] = letter }
        }
        return rows
    }
}
