import Foundation
import Logging
import PostgresNIO
import SyncCore

/// The state store on a shared PostgreSQL database (postgres-nio), for several replicas or a store that must outlive
/// one machine.
///
/// Same tables and semantics as `SQLiteStateStore` (one schema, `StateSchema`): writes that change nothing are not
/// sent, and the protocol's "one transaction" methods are one PostgreSQL transaction. Values are always bound
/// parameters. Money and quantities are `NUMERIC`, times `TIMESTAMPTZ` (UTC).
///
/// Create it with `withPostgresStateStore(location:logger:_:)`, which runs the connection pool for the body's
/// duration. A store made by `fenced(by:)` checks its leases at the start of every write transaction.
public final class PostgresStateStore: StateStore {
    /// The connection pool; its `run()` is driven by `withPostgresStateStore`.
    let client: PostgresClient
    /// The logger for queries.
    let logger: Logger
    /// Where the database is (its description carries no password).
    public let location: PostgresStateLocation
    /// The leases every write transaction checks first (empty: not fenced).
    public let leases: [FlowLease]
    /// Rows changed through this store and its fenced views.
    let changes: ChangeCounter

    init(client: PostgresClient, location: PostgresStateLocation, logger: Logger, leases: [FlowLease] = [], changes: ChangeCounter = ChangeCounter()) {
        self.client = client
        self.location = location
        self.logger = logger
        self.leases = leases
        self.changes = changes
    }

    public func fenced(by leases: [FlowLease]) -> any StateStore {
        PostgresStateStore(client: client, location: location, logger: logger, leases: self.leases + leases, changes: changes)
    }

    public func totalChanges() async throws -> Int {
        changes.total
    }

    /// Runs `body` on a pooled connection outside a transaction (reads, and single statements that commit alone).
    /// - Throws: `SyncError` `.stateStore` naming the operation and the server's reason.
    @discardableResult
    func read<R: Sendable>(_ operation: String = "State store read failed", _ body: (PostgresSession) async throws -> R) async throws -> R {
        do {
            return try await client.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                let result = try await body(session)
                changes.add(session.tally.total)
                return result
            }
        } catch {
            throw storeError(operation, error)
        }
    }

    /// Runs `body` in one transaction: commits when it returns, rolls back when it throws.
    ///
    /// With `fenced` (the default) the transaction first runs, for each of this store's leases,
    /// `SELECT 1 FROM flow_lease WHERE flow = $1 AND holder = $2 AND fencing_token = $3 AND expires_at > now() FOR SHARE`
    /// (the row lock keeps the lease from changing hands until the commit) and throws `.leaseLost` when one is gone.
    /// Lease acquisition and renewal pass `fenced: false`.
    /// - Throws: `SyncError` `.leaseLost` (nothing committed), `.stateStore`.
    @discardableResult
    func write<R: Sendable>(
        _ operation: String = "State store write failed", fenced: Bool = true, _ body: (PostgresSession) async throws -> R
    ) async throws -> R {
        let leases = fenced ? self.leases : []
        do {
            return try await client.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: logger)
                let result = try await connection.withTransaction(logger: logger) { connection in
                    try await Self.checkLeases(leases, session: session)
                    return try await body(session)
                }
                changes.add(session.tally.total)
                return result
            }
        } catch {
            throw storeError(operation, error)
        }
    }

    /// Throws `.leaseLost` unless every lease row still names its holder and token and has not expired.
    static func checkLeases(_ leases: [FlowLease], session: PostgresSession) async throws {
        for lease in leases {
            let rows = try await session.rows("""
                SELECT 1 FROM flow_lease
                WHERE flow = \(lease.flow.rawValue) AND holder = \(lease.holder) AND fencing_token = \(lease.fencingToken)
                  AND expires_at > now()
                FOR SHARE
                """)
            if rows.isEmpty {
                throw SyncError(
                    code: .leaseLost, system: .stateStore,
                    message: "This replica (\(lease.holder)) no longer holds the \(lease.flow.rawValue) lease (fencing token \(lease.fencingToken)); nothing was committed.")
            }
        }
    }

    /// A `SyncError` for a failed operation: `SyncError`s pass through; PostgreSQL errors keep the server's message
    /// and SQLSTATE (never the statement's values or the password).
    func storeError(_ operation: String, _ error: any Error) -> SyncError {
        if let error = error as? SyncError { return error }
        if let error = error as? PostgresTransactionError, let inner = error.closureError as? SyncError { return inner }
        let reason = PostgresErrorText.describe(error)
        return SyncError(
            code: .stateStore, system: .stateStore, message: "\(operation) (PostgreSQL \(location)): \(reason)", underlying: reason)
    }
}
