import Foundation
import GRDB
import SyncCore

extension SQLiteStateStore {
    public func exportRecords(batchSize: Int, _ body: ([StateRecord]) async throws -> Void) async throws {
        for table in StateRecord.tables {
            var offset = 0
            while true {
                let start = offset
                let batch = try await read { db in try Self.records(of: table, db, limit: batchSize, offset: start) }
                if batch.isEmpty { break }
                try await body(batch)
                offset += batch.count
            }
        }
    }

    public func importRecords(_ records: [StateRecord], replacing: Bool) async throws {
        try await write { db in
            let filled = try StateRecord.tables.filter { table in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(table))") ?? false
            }
            if !filled.isEmpty {
                guard replacing else { throw StateArchive.targetNotEmpty(filled) }
                for table in StateRecord.tables { try db.execute(sql: "DELETE FROM \(table)") }
            }
            for record in records {
                switch record {
                case .watermark(let row): try row.insert(db)
                case .accountMapping(let row): try row.insert(db)
                case .dealMapping(let row): try row.insert(db)
                case .productMapping(let row): try row.insert(db)
                case .journal(let row): try row.insert(db)
                case .deadLetter(var row): try row.insert(db)
                case .syncRun(var row): try row.insert(db)
                case .apiQuota(let row):
                    try db.execute(
                        sql: "INSERT INTO api_quota (system, used, daily_limit, observed_at) VALUES (?, ?, ?, ?)",
                        arguments: [row.system, row.used, row.dailyLimit, row.observedAt])
                }
            }
        }
    }

    static func records(of table: String, _ db: Database, limit: Int, offset: Int) throws -> [StateRecord] {
        let page = "LIMIT \(limit) OFFSET \(offset)"
        switch table {
        case "watermark": return try Watermark.fetchAll(db, sql: "SELECT * FROM watermark ORDER BY stream \(page)").map(StateRecord.watermark)
        case "accountMapping":
            return try AccountMapping.fetchAll(db, sql: "SELECT * FROM accountMapping ORDER BY accountID \(page)").map(StateRecord.accountMapping)
        case "dealMapping":
            return try DealMapping.fetchAll(db, sql: "SELECT * FROM dealMapping ORDER BY opportunityID \(page)").map(StateRecord.dealMapping)
        case "productMapping":
            return try ProductMapping.fetchAll(db, sql: "SELECT * FROM productMapping ORDER BY product2ID \(page)").map(StateRecord.productMapping)
        case "journal": return try JournalEntry.fetchAll(db, sql: "SELECT * FROM journal ORDER BY idempotencyKey \(page)").map(StateRecord.journal)
        case "deadLetter": return try DeadLetter.fetchAll(db, sql: "SELECT * FROM deadLetter ORDER BY id \(page)").map(StateRecord.deadLetter)
        case "syncRun": return try SyncRun.fetchAll(db, sql: "SELECT * FROM syncRun ORDER BY id \(page)").map(StateRecord.syncRun)
        default:
            return try Row.fetchAll(db, sql: "SELECT system, used, daily_limit, observed_at FROM api_quota ORDER BY system \(page)").map { row in
                .apiQuota(APIQuotaUsage(system: row["system"], used: row["used"], dailyLimit: row["daily_limit"], observedAt: row["observed_at"]))
            }
        }
    }
}
