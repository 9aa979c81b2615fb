import Foundation
import Logging
import PostgresNIO
import SyncCore
@testable import SyncStore
import Testing

/// The state-store backends the shared tests run against.
enum Backend: String, Sendable, CaseIterable, CustomTestStringConvertible {
    case sqlite
    case postgreSQL

    var testDescription: String { rawValue }
}

/// Opens a fresh, empty, migrated store per test: SQLite in a temporary file; PostgreSQL in a schema of its own
/// (created and dropped around the test) on the cluster named by `CRMSYNC_TEST_POSTGRES_URL`.
enum TestStores {
    /// `CRMSYNC_TEST_POSTGRES_URL` (set by scripts/postgres/with-private-cluster.sh), or nil.
    static let postgresURL = ProcessInfo.processInfo.environment["CRMSYNC_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    /// Why PostgreSQL cases are off, shown by Swift Testing.
    static let postgresSkipReason: Comment =
        "CRMSYNC_TEST_POSTGRES_URL is unset: PostgreSQL cases are skipped (run under scripts/postgres/with-private-cluster.sh)"

    /// The backends available here: SQLite always, PostgreSQL when the URL is set.
    static let backends: [Backend] = postgresURL == nil ? [.sqlite] : [.sqlite, .postgreSQL]

    static let logger = Logger(label: "crm-sync.tests.state", factory: { _ in SwiftLogNoOpLogHandler() })

    static func temporarySQLitePath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("crm-sync-test-\(UUID().uuidString)/state.sqlite").path
    }

    /// Runs `body` with a fresh store of `backend`.
    static func with<R: Sendable>(_ backend: Backend, _ body: (any StateStore) async throws -> R) async throws -> R {
        switch backend {
        case .sqlite:
            return try await body(try SQLiteStateStore(path: temporarySQLitePath()))
        case .postgreSQL:
            return try await withPostgres(migrated: true) { store in try await body(store) }
        }
    }

    /// Runs `body` with a PostgreSQL store in a new schema, migrated or not; drops the schema afterwards.
    static func withPostgres<R: Sendable>(migrated: Bool, _ body: (PostgresStateStore) async throws -> R) async throws -> R {
        let base = try PostgresStateLocation(url: try #require(postgresURL))
        let schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        return try await withPostgresStateStore(location: base, logger: logger) { admin in
            try await admin.read { session in
                try await session.execute(PostgresQuery(unsafeSQL: "CREATE SCHEMA \(schema)"))
            }
            var location = base
            location.searchPath = schema
            do {
                let result = try await withPostgresStateStore(location: location, logger: logger) { store in
                    if migrated { _ = try await store.migrate() }
                    return try await body(store)
                }
                try await dropSchema(schema, admin)
                return result
            } catch {
                try? await dropSchema(schema, admin)
                throw error
            }
        }
    }

    private static func dropSchema(_ schema: String, _ admin: PostgresStateStore) async throws {
        try await admin.read { session in
            try await session.execute(PostgresQuery(unsafeSQL: "DROP SCHEMA \(schema) CASCADE"))
        }
    }
}
