import GRDB
import SyncCore

extension Watermark: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "watermark" }
}

extension AccountMapping: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "accountMapping" }
}

extension DealMapping: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "dealMapping" }
}

extension ProductMapping: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "productMapping" }
}

extension JournalEntry: FetchableRecord, PersistableRecord {
    public static var databaseTableName: String { "journal" }
}

extension DeadLetter: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "deadLetter" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension SyncRun: FetchableRecord, MutablePersistableRecord {
    public static var databaseTableName: String { "syncRun" }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}
