import Foundation
import GRDB
import SyncCore

extension SQLiteStateStore {
    public func watermark(for stream: String) async throws -> Watermark? {
        try await read { db in try Watermark.fetchOne(db, key: stream) }
    }

    public func watermarks() async throws -> [Watermark] {
        try await read { db in try Watermark.order(Column("stream")).fetchAll(db) }
    }

    public func saveWatermark(_ watermark: Watermark) async throws {
        try await write { db in try watermark.save(db) }
    }

    public func deleteWatermark(for stream: String) async throws {
        _ = try await write { db in try Watermark.deleteOne(db, key: stream) }
    }

    public func accountMappings(_ accountIDs: [String]) async throws -> [String: AccountMapping] {
        guard !accountIDs.isEmpty else { return [:] }
        return try await read { db in
            let rows = try Self.rows(AccountMapping.self, of: StateSchema.accountMapping, where: "accountID", in: accountIDs, db)
            return Dictionary(rows.map { ($0.accountID, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func dealMappings(_ opportunityIDs: [String]) async throws -> [String: DealMapping] {
        guard !opportunityIDs.isEmpty else { return [:] }
        return try await read { db in
            let rows = try Self.rows(DealMapping.self, of: StateSchema.dealMapping, where: "opportunityID", in: opportunityIDs, db)
            return Dictionary(rows.map { ($0.opportunityID, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func dealMappings(zohoInvoiceIDs: [String]) async throws -> [String: DealMapping] {
        guard !zohoInvoiceIDs.isEmpty else { return [:] }
        return try await read { db in
            let rows = try DealMapping.filter(zohoInvoiceIDs.contains(Column("zohoInvoiceID"))).fetchAll(db)
            return Dictionary(rows.compactMap { row in row.zohoInvoiceID.map { ($0, row) } }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func forEachDealMapping(batchSize: Int, _ body: ([DealMapping]) async throws -> Void) async throws {
        var after = ""
        while true {
            let cursor = after
            let batch = try await read { db in
                try DealMapping.filter(Column("opportunityID") > cursor).order(Column("opportunityID")).limit(batchSize).fetchAll(db)
            }
            if batch.isEmpty { return }
            try await body(batch)
            after = batch.last!.opportunityID
        }
    }

    public func productMappings(_ product2IDs: [String]) async throws -> [String: ProductMapping] {
        guard !product2IDs.isEmpty else { return [:] }
        return try await read { db in
            let rows = try Self.rows(ProductMapping.self, of: StateSchema.productMapping, where: "product2ID", in: product2IDs, db)
            return Dictionary(rows.map { ($0.product2ID, $0) }, uniquingKeysWith: { a, _ in a })
        }
    }

    public func journalEntries(_ keys: [String]) async throws -> [String: JournalEntry] {
        guard !keys.isEmpty else { return [:] }
        return try await read { db in try Self.journalRows(db, keys: keys) }
    }

    public func markStarted(_ actions: [ReconcileAction], now: Date) async throws -> [String: JournalEntry] {
        guard !actions.isEmpty else { return [:] }
        return try await write { db in
            // One read for the batch (a statement per key dominated large batches), then the rows as they change.
            let current = try Self.journalRows(db, keys: actions.map(\.idempotencyKey))
            let started = JournalEntry.started(actions, current: current, now: now)
            var dates = DatabaseDateCache()
            for entry in started.entries { try Self.upsert(entry, db, dates: &dates) }
            return started.before
        }
    }

    public func recordApplied(_ results: [AppliedAction], now: Date) async throws -> [DeadLetter] {
        guard !results.isEmpty else { return [] }
        return try await write { db in
            var recovered: [DeadLetter] = []
            let keys = results.map(\.action.idempotencyKey)
            var current = try Self.journalRows(db, keys: keys)
            var letters = try Self.deadLetterRows(db, keys: keys)
            var dates = DatabaseDateCache()
            for result in results {
                let entry = (current[result.action.idempotencyKey] ?? JournalEntry(action: result.action, now: now))
                    .applied(reference: result.resultReference, now: now)
                try Self.upsert(entry, db, dates: &dates)
                current[result.action.idempotencyKey] = entry
                try Self.upsertMappings(of: result, db, dates: &dates)
                if var letter = letters[result.action.idempotencyKey], letter.status == .open {
                    letter.status = .resolved
                    letter.updatedAt = now
                    try letter.update(db)
                    letters[result.action.idempotencyKey] = letter
                    recovered.append(letter)
                }
            }
            return recovered
        }
    }

    public func recordFailure(_ action: ReconcileAction, error: SyncError, status: JournalStatus, now: Date) async throws -> Bool {
        try await write { db in
            let entry = (try JournalEntry.fetchOne(db, key: action.idempotencyKey) ?? JournalEntry(action: action, now: now))
                .failed(error, status: status, now: now)
            try Self.upsert(entry, db)
            guard status == .dead else { return false }
            if var letter = try DeadLetter.filter(Column("idempotencyKey") == action.idempotencyKey).fetchOne(db) {
                letter.failedAgain(error, action: action, now: now)
                try letter.update(db)
                return !letter.alerted
            }
            var letter = DeadLetter(firstFailureOf: action, error: error, now: now)
            try letter.insert(db)
            return true
        }
    }

    public func resolveDeadLetters(_ keys: [String], now: Date) async throws -> [DeadLetter] {
        guard !keys.isEmpty else { return [] }
        let open = try await read { db in
            try DeadLetter.filter(keys.contains(Column("idempotencyKey")) && Column("status") == DeadLetterStatus.open.rawValue).fetchAll(db)
        }
        guard !open.isEmpty else { return [] }
        return try await write { db in
            var resolved: [DeadLetter] = []
            for var letter in open {
                letter.status = .resolved
                letter.updatedAt = now
                try letter.update(db)
                try db.execute(
                    sql: "UPDATE journal SET status = ?, updatedAt = ? WHERE idempotencyKey = ?",
                    arguments: [JournalStatus.skipped.rawValue, now, letter.idempotencyKey])
                resolved.append(letter)
            }
            return resolved
        }
    }

    public func markAlerted(deadLetterKey: String) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE deadLetter SET alerted = 1 WHERE idempotencyKey = ?", arguments: [deadLetterKey])
        }
    }

    public func recordJournal(_ entry: JournalEntry) async throws {
        try await write { db in try Self.upsert(entry, db) }
    }

    public func recentJournal(limit: Int) async throws -> [JournalEntry] {
        try await read { db in try JournalEntry.order(Column("updatedAt").desc).limit(limit).fetchAll(db) }
    }

    public func deadLetters(status: DeadLetterStatus?) async throws -> [DeadLetter] {
        try await read { db in
            var request = DeadLetter.order(Column("id"))
            if let status { request = request.filter(Column("status") == status.rawValue) }
            return try request.fetchAll(db)
        }
    }

    public func openDeadLetters(_ keys: [String]) async throws -> [String: DeadLetter] {
        guard !keys.isEmpty else { return [:] }
        let letters = try await read { db in
            try DeadLetter.filter(keys.contains(Column("idempotencyKey")) && Column("status") == DeadLetterStatus.open.rawValue).fetchAll(db)
        }
        return Dictionary(letters.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func deadLetter(id: Int64) async throws -> DeadLetter? {
        try await read { db in try DeadLetter.fetchOne(db, key: id) }
    }

    public func setDeadLetterStatus(id: Int64, _ status: DeadLetterStatus, now: Date) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE deadLetter SET status = ?, updatedAt = ? WHERE id = ?", arguments: [status.rawValue, now, id])
        }
    }

    public func startRun(_ run: SyncRun) async throws -> SyncRun {
        try await write { db in
            var copy = run
            try copy.insert(db)
            return copy
        }
    }

    public func finishRun(_ run: SyncRun) async throws {
        try await write { db in try run.update(db) }
    }

    public func latestRuns() async throws -> [SyncRun] {
        try await read { db in
            try SyncRun.fetchAll(db, sql: "SELECT * FROM syncRun WHERE id IN (SELECT MAX(id) FROM syncRun GROUP BY flow) ORDER BY flow")
        }
    }
}
