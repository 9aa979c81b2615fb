import Foundation
import PostgresNIO
import SyncCore

extension PostgresStateStore {
    /// The advisory lock key `crm-sync migrate` holds while migrating (ASCII "crmsyncm"), so two replicas never
    /// migrate at once.
    static let migrationLockKey: Int64 = 0x63726D_73796E636D

    /// Which `StateSchema` migrations the database has and lacks (table `schema_migration`; none when it is absent).
    /// - Throws: `SyncError` `.stateStore`.
    public func schemaStatus() async throws -> SchemaStatus {
        try await read("Cannot read the schema version") { session in
            SchemaStatus(applied: try await Self.appliedMigrations(session))
        }
    }

    /// Applies the pending migrations in one transaction under an advisory lock, recording each in `schema_migration`.
    /// - Returns: the identifiers applied now (empty when the schema was current).
    /// - Throws: `SyncError` `.stateStore` when a migration fails (nothing is applied) or the database was migrated by
    ///   a newer crm-sync.
    public func migrate() async throws -> [String] {
        try await write("Cannot migrate the state schema", fenced: false) { session in
            try await session.execute("SELECT pg_advisory_xact_lock(\(Self.migrationLockKey))")
            try await session.execute("""
                CREATE TABLE IF NOT EXISTS schema_migration (identifier TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())
                """)
            let status = SchemaStatus(applied: try await Self.appliedMigrations(session))
            guard status.unknown.isEmpty else { throw self.newerSchemaError(status) }
            var applied: [String] = []
            for migration in StateSchema.migrations where status.pending.contains(migration.identifier) {
                for statement in migration.statements(for: .postgreSQL) {
                    try await session.execute(PostgresQuery(unsafeSQL: statement))
                }
                try await session.execute("INSERT INTO schema_migration (identifier) VALUES (\(migration.identifier))")
                applied.append(migration.identifier)
            }
            return applied
        }
    }

    /// Throws unless the schema is exactly the one this build expects (`run`, `sync` and the read-only commands
    /// refuse to work on an unmigrated, older or newer schema).
    /// - Throws: `SyncError` `.configuration` telling to run `crm-sync migrate`, or that a newer crm-sync migrated it.
    public func requireCurrentSchema() async throws {
        let status = try await schemaStatus()
        guard status.unknown.isEmpty else { throw newerSchemaError(status) }
        guard status.pending.isEmpty else {
            let state = status.applied.last.map { "is at schema \($0)" } ?? "has no crm-sync schema"
            throw SyncError(
                code: .configuration, system: .stateStore,
                message: "The PostgreSQL state store \(location) \(state); this crm-sync needs \(StateSchema.currentVersion). Run `crm-sync migrate` once (with every replica on the new version), then start again.")
        }
    }

    func newerSchemaError(_ status: SchemaStatus) -> SyncError {
        SyncError(
            code: .configuration, system: .stateStore,
            message: "The PostgreSQL state store \(location) has migrations this crm-sync does not know (\(status.unknown.joined(separator: ", "))): a newer crm-sync migrated it; run that version.")
    }

    static func appliedMigrations(_ session: PostgresSession) async throws -> [String] {
        let exists = try await session.rows("SELECT to_regclass('schema_migration') IS NOT NULL").first?.decode(Bool.self) ?? false
        guard exists else { return [] }
        return try await session.rows("SELECT identifier FROM schema_migration ORDER BY identifier").map { try $0.decode(String.self) }
    }
}
