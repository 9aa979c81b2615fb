import GRDB

extension SQLiteStateStore {
    /// The schema as GRDB migrations, one per `StateSchema.migrations` entry under the same identifier, so files made
    /// by earlier releases (migration `v1`) carry on with the later ones.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        for migration in StateSchema.migrations {
            let statements = migration.statements(for: .sqlite)
            migrator.registerMigration(migration.identifier) { db in
                for statement in statements { try db.execute(sql: statement) }
            }
        }
        return migrator
    }

    /// Which migrations a SQLite file has and lacks, without applying any.
    /// - Throws: `SyncError` `.stateStore` when the file cannot be read.
    public static func schemaStatus(path: String) throws -> SchemaStatus {
        do {
            let queue = try DatabaseQueue(path: path)
            let applied = try queue.read { db in try migrator.appliedIdentifiers(db) }
            return SchemaStatus(applied: applied)
        } catch {
            throw storeError("Cannot read the state store at \(path)", error)
        }
    }
}
