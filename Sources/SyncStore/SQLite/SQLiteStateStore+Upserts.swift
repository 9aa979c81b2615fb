import Foundation
import GRDB
import SyncCore

/// The hot writes: one cached prepared statement per table (`SchemaTable.upsertSQL`), arguments bound explicitly.
extension SQLiteStateStore {
    static let journalUpsert = StateSchema.journal.upsertSQL
    static let accountMappingUpsert = StateSchema.accountMapping.upsertSQL
    static let dealMappingUpsert = StateSchema.dealMapping.upsertSQL
    static let productMappingUpsert = StateSchema.productMapping.upsertSQL

    /// Writes a journal entry whole, inserting or replacing the row of its idempotency key.
    static func upsert(_ entry: JournalEntry, _ db: Database, dates: inout DatabaseDateCache) throws {
        try db.cachedStatement(sql: journalUpsert).execute(arguments: entry.upsertArguments(&dates))
    }

    /// Writes one journal entry whole (a transaction with a single row to write).
    static func upsert(_ entry: JournalEntry, _ db: Database) throws {
        var dates = DatabaseDateCache()
        try upsert(entry, db, dates: &dates)
    }

    /// Writes the mappings an applied action produced, each whole (inserting or replacing its row).
    static func upsertMappings(of result: AppliedAction, _ db: Database, dates: inout DatabaseDateCache) throws {
        if let account = result.account {
            try db.cachedStatement(sql: accountMappingUpsert).execute(arguments: account.upsertArguments)
        }
        if let deal = result.deal {
            try db.cachedStatement(sql: dealMappingUpsert).execute(arguments: deal.upsertArguments)
        }
        for product in result.products {
            try db.cachedStatement(sql: productMappingUpsert).execute(arguments: product.upsertArguments(&dates))
        }
    }
}
