import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    public func startRun(_ run: SyncRun) async throws -> SyncRun {
        try await write { session in
            var copy = run
            copy.id = try await Self.insert(run, session)
            return copy
        }
    }

    public func finishRun(_ run: SyncRun) async throws {
        try await write { session in
            try await session.execute("""
                UPDATE syncRun SET
                    flow = \(run.flow), kind = \(run.kind.rawValue), outcome = \(run.outcome.rawValue), observed = \(run.observed),
                    planned = \(run.planned), applied = \(run.applied), failed = \(run.failed), dead = \(run.dead),
                    errorMessage = \(run.errorMessage), startedAt = \(run.startedAt), finishedAt = \(run.finishedAt)
                WHERE id = \(run.id ?? -1)
                """)
        }
    }

    public func latestRuns() async throws -> [SyncRun] {
        try await read { session in
            try await session.rows("""
                SELECT \(unescaped: PostgresRecords.runColumns) FROM syncRun
                WHERE id IN (SELECT MAX(id) FROM syncRun GROUP BY flow) ORDER BY flow
                """).map(PostgresRecords.run)
        }
    }

    /// Inserts a run; with an `id` (an import) it is kept, else the database assigns one.
    /// - Returns: the row id.
    static func insert(_ run: SyncRun, _ session: PostgresSession) async throws -> Int64 {
        let rows = try await session.rows("""
            INSERT INTO syncRun (id, flow, kind, outcome, observed, planned, applied, failed, dead, errorMessage, startedAt, finishedAt)
            VALUES (COALESCE(\(run.id), nextval(pg_get_serial_sequence('syncrun', 'id'))), \(run.flow), \(run.kind.rawValue),
                    \(run.outcome.rawValue), \(run.observed), \(run.planned), \(run.applied), \(run.failed), \(run.dead),
                    \(run.errorMessage), \(run.startedAt), \(run.finishedAt))
            RETURNING id
            """)
        session.tally.add(rows.count)
        guard let id = try rows.first?.decode(Int64.self) else {
            throw SyncError(code: .stateStore, system: .stateStore, message: "The run insert returned no id.")
        }
        return id
    }
}
