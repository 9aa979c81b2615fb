/// One shipped schema change, applied once per store and recorded under its identifier.
///
/// SQLite records identifiers in GRDB's `grdb_migrations` table; PostgreSQL in `schema_migration`. A shipped
/// migration is never edited: a change is a new migration appended to `StateSchema.migrations`.
public struct SchemaMigration: Sendable, Hashable {
    /// The identifier (`v1`, `v2`...), compatible with the SQLite files made by earlier releases.
    public var identifier: String
    /// The tables this migration creates, with their indexes.
    public var createTables: [SchemaTable]

    /// Describes a migration.
    public init(_ identifier: String, createTables: [SchemaTable]) {
        self.identifier = identifier
        self.createTables = createTables
    }

    /// The statements that apply this migration on a backend, in order.
    public func statements(for dialect: SQLDialect) -> [String] {
        createTables.flatMap { dialect.createStatements(for: $0) }
    }
}
