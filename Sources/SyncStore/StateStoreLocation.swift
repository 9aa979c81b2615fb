import Foundation
import Logging
import SyncCore

/// Which state store to use: the SQLite file (default) or a PostgreSQL database (`STATE_URL=postgres://…`).
public enum StateStoreLocation: Sendable, CustomStringConvertible {
    /// The SQLite file at a path (`CRMSYNC_STATE_PATH` / `--state`).
    case sqlite(path: String)
    /// A PostgreSQL database.
    case postgreSQL(PostgresStateLocation)

    /// PostgreSQL when `stateURL` is set, else SQLite at `statePath`.
    /// - Throws: `SyncError` `.configuration` when `stateURL` is not a valid PostgreSQL URL (the URL is not echoed).
    public init(stateURL: String?, statePath: String) throws {
        if let stateURL, !stateURL.isEmpty {
            self = .postgreSQL(try PostgresStateLocation(url: stateURL))
        } else {
            self = .sqlite(path: statePath)
        }
    }

    /// `sqlite` or `postgresql` (the export header's `backend`).
    public var backendName: String {
        switch self {
        case .sqlite: "sqlite"
        case .postgreSQL: "postgresql"
        }
    }

    /// The file path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgreSQL(let location): location.description
        }
    }

    /// Opens the store for `body`'s duration.
    ///
    /// SQLite: opens (creating and migrating) the file; with `lock`, first takes the runner lock (`RunnerLock`), so one
    /// runner works on it at a time. With `mustExist`, a missing file is an error instead of a new store.
    /// PostgreSQL: connects (start-up check) and, with `requireCurrentSchema`, refuses an unmigrated, older or newer
    /// schema (`crm-sync migrate` applies it); replicas coordinate through flow leases instead of a lock.
    /// - Throws: `SyncError` `.locked`, `.stateStore`, `.configuration` (schema not current), or what `body` throws.
    public func withStore<R: Sendable>(
        logger: Logger, lock: Bool, mustExist: Bool = false, requireCurrentSchema: Bool = true,
        _ body: (any StateStore) async throws -> R
    ) async throws -> R {
        switch self {
        case .sqlite(let path):
            if mustExist, !FileManager.default.fileExists(atPath: path) {
                throw SyncError(
                    code: .stateStore, system: .stateStore,
                    message: "There is no state store at \(path); run `crm-sync sync --once` first, or name it with --state.")
            }
            let runnerLock = lock ? try RunnerLock(storePath: path) : nil
            defer { _ = runnerLock }
            return try await body(try SQLiteStateStore(path: path))
        case .postgreSQL(let location):
            return try await withPostgresStateStore(location: location, logger: logger) { store in
                if requireCurrentSchema { try await store.requireCurrentSchema() }
                return try await body(store)
            }
        }
    }

    /// Which migrations the store has and lacks, applying none (a missing SQLite file has none).
    /// - Throws: `SyncError` `.stateStore`.
    public func schemaStatus(logger: Logger) async throws -> SchemaStatus {
        switch self {
        case .sqlite(let path):
            guard FileManager.default.fileExists(atPath: path) else { return SchemaStatus(applied: []) }
            return try SQLiteStateStore.schemaStatus(path: path)
        case .postgreSQL(let location):
            return try await withPostgresStateStore(location: location, logger: logger) { store in try await store.schemaStatus() }
        }
    }

    /// Applies the pending migrations (PostgreSQL: in one transaction under an advisory lock).
    /// - Returns: the identifiers applied now.
    /// - Throws: `SyncError` `.stateStore`, `.configuration` (a newer crm-sync migrated it).
    public func migrate(logger: Logger) async throws -> [String] {
        switch self {
        case .sqlite(let path):
            let before = try await schemaStatus(logger: logger)
            _ = try SQLiteStateStore(path: path)
            return before.pending
        case .postgreSQL(let location):
            return try await withPostgresStateStore(location: location, logger: logger) { store in try await store.migrate() }
        }
    }
}
