import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func resolveDeadLetters(_ keys: [String], now: Date) async throws -> [DeadLetter] {
        guard !keys.isEmpty else { return [] }
        let open = try await read { session in
            try await session.rows("""
                SELECT id FROM deadLetter WHERE idempotencyKey = ANY(\(keys)) AND status = \(DeadLetterStatus.open.rawValue)
                """).map { try $0.decode(Int64.self) }
        }
        guard !open.isEmpty else { return [] }
        return try await write { session in
            let resolved = try await session.rows("""
                UPDATE deadLetter SET status = \(DeadLetterStatus.resolved.rawValue), updatedAt = \(now)
                WHERE id = ANY(\(open)) AND status = \(DeadLetterStatus.open.rawValue)
                RETURNING \(unescaped: PostgresRecords.deadLetterColumns)
                """).map(PostgresRecords.deadLetter).sorted { ($0.id ?? 0) < ($1.id ?? 0) }
            session.tally.add(resolved.count)
            try await session.execute("""
                UPDATE journal SET status = \(JournalStatus.skipped.rawValue), updatedAt = \(now)
                WHERE idempotencyKey = ANY(\(resolved.map(\.idempotencyKey)))
                """)
            return resolved
        }
    }

    public func markAlerted(deadLetterKey: String) async throws {
        try await write { session in
            try await session.execute("UPDATE deadLetter SET alerted = TRUE WHERE idempotencyKey = \(deadLetterKey)")
        }
    }

    public func deadLetters(status: DeadLetterStatus?) async throws -> [DeadLetter] {
        try await read { session in
            if let status {
                return try await session.rows(
                    "SELECT \(unescaped: PostgresRecords.deadLetterColumns) FROM deadLetter WHERE status = \(status.rawValue) ORDER BY id"
                ).map(PostgresRecords.deadLetter)
            }
            return try await session.rows("SELECT \(unescaped: PostgresRecords.deadLetterColumns) FROM deadLetter ORDER BY id")
                .map(PostgresRecords.deadLetter)
        }
    }

    public func openDeadLetters(_ keys: [String]) async throws -> [String: DeadLetter] {
        guard !keys.isEmpty else { return [:] }
        let letters = try await read { session in
            try await session.rows("""
                SELECT \(unescaped: PostgresRecords.deadLetterColumns) FROM deadLetter
                WHERE idempotencyKey = ANY(\(keys)) AND status = \(DeadLetterStatus.open.rawValue)
                """).map(PostgresRecords.deadLetter)
        }
        return Dictionary(letters.map { ($0.idempotencyKey, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func deadLetter(id: Int64) async throws -> DeadLetter? {
        try await read { session in
            try await session.rows("SELECT \(unescaped: PostgresRecords.deadLetterColumns) FROM deadLetter WHERE id = \(id)")
                .first.map(PostgresRecords.deadLetter)
        }
    }

    public func setDeadLetterStatus(id: Int64, _ status: DeadLetterStatus, now: Date) async throws {
        try await write { session in
            try await session.execute("UPDATE deadLetter SET status = \(status.rawValue), updatedAt = \(now) WHERE id = \(id)")
        }
    }

    /// Inserts a dead letter; with an `id` (an import) it is kept, else the database assigns one.
    /// - Returns: the row id.
    static func insert(_ letter: DeadLetter, _ session: PostgresSession) async throws -> Int64 {
        let error = try PostgresRecords.json(letter.error)
        let action = try PostgresRecords.json(letter.action)
        let rows: [PostgresRow]
        if let id = letter.id {
            rows = try await session.rows("""
                INSERT INTO deadLetter (\(unescaped: PostgresRecords.deadLetterColumns))
                VALUES (\(id), \(letter.idempotencyKey), \(letter.flow), \(letter.recordID), \(error), \(action),
                        \(letter.status.rawValue), \(letter.alerted), \(letter.failures), \(letter.createdAt), \(letter.updatedAt))
                RETURNING id
                """)
        } else {
            rows = try await session.rows("""
                INSERT INTO deadLetter (idempotencyKey, flow, recordID, error, action, status, alerted, failures, createdAt, updatedAt)
                VALUES (\(letter.idempotencyKey), \(letter.flow), \(letter.recordID), \(error), \(action),
                        \(letter.status.rawValue), \(letter.alerted), \(letter.failures), \(letter.createdAt), \(letter.updatedAt))
                RETURNING id
                """)
        }
        session.tally.add(rows.count)
        guard let id = try rows.first?.decode(Int64.self) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "The dead letter insert returned no id.")
        }
        return id
    }

    static func update(_ letter: DeadLetter, _ session: PostgresSession) async throws {
        try await session.execute("""
            UPDATE deadLetter SET
                idempotencyKey = \(letter.idempotencyKey), flow = \(letter.flow), recordID = \(letter.recordID),
                error = \(try PostgresRecords.json(letter.error)), action = \(try PostgresRecords.json(letter.action)),
                status = \(letter.status.rawValue), alerted = \(letter.alerted), failures = \(letter.failures),
                createdAt = \(letter.createdAt), updatedAt = \(letter.updatedAt)
            WHERE id = \(letter.id ?? -1)
            """)
    }
}
