import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func exportRecords(batchSize: Int, _ body: ([StateRecord]) async throws -> Void) async throws {
        for table in StateRecord.tables {
            var offset = 0
            while true {
                let start = offset
                let batch = try await read { session in try await Self.records(of: table, session, limit: batchSize, offset: start) }
                if batch.isEmpty { break }
                try await body(batch)
                offset += batch.count
            }
        }
    }

    public func importRecords(_ records: [StateRecord], replacing: Bool) async throws {
        try await write("State import failed", fenced: false) { session in
            let held = try await session.rows("SELECT flow, holder FROM flow_lease WHERE expires_at > now() ORDER BY flow")
                .map { try $0.decode((String, String).self) }
            guard held.isEmpty else {
                throw SyncError(
                    code: .stateStore, system: .stateStore,
                    message: "Replicas are running on this state store (leases: \(held.map { "\($0.0) by \($0.1)" }.joined(separator: ", "))); stop them before importing.")
            }
            var filled: [String] = []
            for table in StateRecord.tables {
                let rows = try await session.rows(PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(table))"))
                if try rows.first?.decode(Bool.self) == true { filled.append(table) }
            }
            if !filled.isEmpty {
                guard replacing else { throw StateArchive.targetNotEmpty(filled) }
                for table in StateRecord.tables { try await session.execute(PostgresQuery(unsafeSQL: "DELETE FROM \(table)")) }
            }
            for record in records {
                switch record {
                case .watermark(let row): try await Self.upsert(row, session)
                case .accountMapping(let row): try await Self.upsert(row, session)
                case .dealMapping(let row): try await Self.upsert(row, session)
                case .productMapping(let row): try await Self.upsert(row, session)
                case .journal(let row): try await Self.upsert(row, session)
                case .deadLetter(let row): _ = try await Self.insert(row, session)
                case .syncRun(let row): _ = try await Self.insert(row, session)
                case .apiQuota(let row): try await Self.upsert(row, session)
                }
            }
            for table in ["deadLetter", "syncRun"] {  // fixed table names, not input
                _ = try await session.rows(PostgresQuery(unsafeSQL: """
                    SELECT setval(pg_get_serial_sequence('\(table.lowercased())', 'id'), COALESCE(MAX(id), 0) + 1, false) FROM \(table)
                    """))
            }
        }
    }

    static func records(of table: String, _ session: PostgresSession, limit: Int, offset: Int) async throws -> [StateRecord] {
        switch table {
        case "watermark":
            return try await page(session, PostgresRecords.watermarkColumns, table, "stream", limit, offset).map { .watermark(try PostgresRecords.watermark($0)) }
        case "accountMapping":
            return try await page(session, PostgresRecords.accountColumns, table, "accountID", limit, offset).map { .accountMapping(try PostgresRecords.account($0)) }
        case "dealMapping":
            return try await page(session, PostgresRecords.dealColumns, table, "opportunityID", limit, offset).map { .dealMapping(try PostgresRecords.deal($0)) }
        case "productMapping":
            return try await page(session, PostgresRecords.productColumns, table, "product2ID", limit, offset).map { .productMapping(try PostgresRecords.product($0)) }
        case "journal":
            return try await page(session, PostgresRecords.journalColumns, table, "idempotencyKey", limit, offset).map { .journal(try PostgresRecords.journal($0)) }
        case "deadLetter":
            return try await page(session, PostgresRecords.deadLetterColumns, table, "id", limit, offset).map { .deadLetter(try PostgresRecords.deadLetter($0)) }
        case "syncRun":
            return try await page(session, PostgresRecords.runColumns, table, "id", limit, offset).map { .syncRun(try PostgresRecords.run($0)) }
        default:
            return try await page(session, PostgresRecords.quotaColumns, "api_quota", "system", limit, offset).map { .apiQuota(try PostgresRecords.quota($0)) }
        }
    }

    /// One page of a table in key order (`COLLATE "C"`: the byte order SQLite uses, so both exports list rows alike).
    private static func page(
        _ session: PostgresSession, _ columns: String, _ table: String, _ key: String, _ limit: Int, _ offset: Int
    ) async throws -> [PostgresRow] {
        let order = key == "id" ? key : "\(key) COLLATE \"C\""
        return try await session.rows("SELECT \(unescaped: columns) FROM \(unescaped: table) ORDER BY \(unescaped: order) LIMIT \(limit) OFFSET \(offset)")
    }
}
