import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func journalEntries(_ keys: [String]) async throws -> [String: JournalEntry] {
        guard !keys.isEmpty else { return [:] }
        return try await read { session in try await Self.journalEntries(keys, session) }
    }

    public func markStarted(_ actions: [ReconcileAction], now: Date) async throws -> [String: JournalEntry] {
        guard !actions.isEmpty else { return [:] }
        return try await write { session in
            let current = try await Self.journalEntries(actions.map(\.idempotencyKey), session)
            let started = JournalEntry.started(actions, current: current, now: now)
            for entry in started.entries { try await Self.upsert(entry, session) }
            return started.before
        }
    }

    public func recordApplied(_ results: [AppliedAction], now: Date) async throws -> [DeadLetter] {
        guard !results.isEmpty else { return [] }
        return try await write { session in
            let keys = results.map(\.action.idempotencyKey)
            var journal = try await Self.journalEntries(keys, session)
            var recovered: [DeadLetter] = []
            for result in results {
                let key = result.action.idempotencyKey
                let entry = (journal[key] ?? JournalEntry(action: result.action, now: now))
                    .applied(reference: result.resultReference, now: now)
                try await Self.upsert(entry, session)
                journal[key] = entry
                if let account = result.account { try await Self.upsert(account, session) }
                if let deal = result.deal { try await Self.upsert(deal, session) }
                for product in result.products { try await Self.upsert(product, session) }
                let resolved = try await session.rows("""
                    UPDATE deadLetter SET status = \(DeadLetterStatus.resolved.rawValue), updatedAt = \(now)
                    WHERE idempotencyKey = \(key) AND status = \(DeadLetterStatus.open.rawValue)
                    RETURNING \(unescaped: PostgresRecords.deadLetterColumns)
                    """).map(PostgresRecords.deadLetter)
                session.tally.add(resolved.count)
                recovered += resolved
            }
            return recovered
        }
    }

    public func recordFailure(_ action: ReconcileAction, error: SyncError, status: JournalStatus, now: Date) async throws -> Bool {
        try await write { session in
            let key = action.idempotencyKey
            let entry = (try await Self.journalEntries([key], session)[key] ?? JournalEntry(action: action, now: now))
                .failed(error, status: status, now: now)
            try await Self.upsert(entry, session)
            guard status == .dead else { return false }
            if var letter = try await session.rows(
                "SELECT \(unescaped: PostgresRecords.deadLetterColumns) FROM deadLetter WHERE idempotencyKey = \(key)"
            ).first.map(PostgresRecords.deadLetter) {
                letter.failedAgain(error, action: action, now: now)
                try await Self.update(letter, session)
                return !letter.alerted
            }
            _ = try await Self.insert(DeadLetter(firstFailureOf: action, error: error, now: now), session)
            return true
        }
    }

    public func recordJournal(_ entry: JournalEntry) async throws {
        try await write { session in try await Self.upsert(entry, session) }
    }

    public func recentJournal(limit: Int) async throws -> [JournalEntry] {
        try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.journalColumns) FROM journal ORDER BY updatedAt DESC LIMIT \(limit)")
                .map(PostgresRecords.journal)
        }
    }

    static func journalEntries(_ keys: [String], _ session: PostgresSession) async throws -> [String: JournalEntry] {
        let rows = try await session.rows(
            "SELECT \(unescaped: PostgresRecords.journalColumns) FROM journal WHERE idempotencyKey = ANY(\(keys))"
        ).map(PostgresRecords.journal)
        return Dictionary(rows.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func upsert(_ entry: JournalEntry, _ session: PostgresSession) async throws {
        try await session.execute("""
            INSERT INTO journal (\(unescaped: PostgresRecords.journalColumns))
            VALUES (\(entry.idempotencyKey), \(entry.flow), \(entry.kind), \(entry.targetSystem), \(entry.recordID),
                    \(entry.status.rawValue), \(entry.attempts), \(entry.resultReference), \(entry.errorCode),
                    \(entry.errorMessage), \(entry.createdAt), \(entry.updatedAt))
            ON CONFLICT (idempotencyKey) DO UPDATE SET
                flow = excluded.flow, kind = excluded.kind, targetSystem = excluded.targetSystem, recordID = excluded.recordID,
                status = excluded.status, attempts = excluded.attempts, resultReference = excluded.resultReference,
                errorCode = excluded.errorCode, errorMessage = excluded.errorMessage, createdAt = excluded.createdAt,
                updatedAt = excluded.updatedAt
            """)
    }
}
