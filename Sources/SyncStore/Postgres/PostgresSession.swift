import Logging
import PostgresNIO

/// One leased connection of a `PostgresStateStore`, inside or outside a transaction, counting the rows it changes.
///
/// Statements are `PostgresQuery` values built by string interpolation, so every value is a bound parameter.
struct PostgresSession: Sendable {
    /// The connection (valid only inside the closure that received the session).
    let connection: PostgresConnection
    /// The logger for queries.
    let logger: Logger
    /// Rows changed by `execute` so far.
    let tally = ChangeCounter()

    /// Runs a statement and returns the rows it changed (`INSERT`/`UPDATE`/`DELETE` command tag).
    @discardableResult
    func execute(_ query: PostgresQuery) async throws -> Int {
        let result = try await connection.query(query, logger: logger).get()
        let rows = result.metadata.rows ?? 0
        tally.add(rows)
        return rows
    }

    /// Runs a query and collects its rows.
    func rows(_ query: PostgresQuery) async throws -> [PostgresRow] {
        try await connection.query(query, logger: logger).collect()
    }
}
