import Foundation
import GRDB
import SyncCore

/// The embedded state store: one SQLite file (WAL mode, file mode 0600) through GRDB.
///
/// Default path `state/crm-sync.sqlite`. Opening creates the file and its folder when missing and runs the
/// migrations. Use `SQLiteStateStore.inMemory()` in tests that need no file.
public final class SQLiteStateStore: StateStore {
    let database: any DatabaseWriter
    /// The database file, or `nil` in memory.
    public let path: String?

    /// Opens (and creates, with mode 0600) the store at `path`.
    /// - Throws: `SyncError` `.stateStore` when the file cannot be created or migrated.
    public init(path: String) throws {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            var configuration = Configuration()
            configuration.busyMode = .timeout(10)
            let pool = try DatabasePool(path: path, configuration: configuration)
            try Self.migrator.migrate(pool)
            for suffix in ["", "-wal", "-shm"] where FileManager.default.fileExists(atPath: path + suffix) {
                try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path + suffix)
            }
            self.database = pool
            self.path = path
        } catch {
            throw Self.storeError("Cannot open the state store at \(path)", error)
        }
    }

    private init(queue: DatabaseQueue) throws {
        try Self.migrator.migrate(queue)
        self.database = queue
        self.path = nil
    }

    /// A store in memory, for tests and dry runs.
    public static func inMemory() throws -> SQLiteStateStore {
        try SQLiteStateStore(queue: DatabaseQueue())
    }

    /// The journal mode in force (`"wal"` for a file store).
    public func journalMode() async throws -> String {
        try await read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") ?? "" }
    }

    /// Rows changed through this store since it was opened (SQLite `total_changes()` of the writer connection);
    /// the idle-cycle benchmark reads it before and after a pass.
    public func totalChanges() async throws -> Int {
        try await database.write { db in db.totalChangesCount }
    }

    func read<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do { return try await database.read(body) } catch { throw Self.storeError("State store read failed", error) }
    }

    func write<T: Sendable>(_ body: @Sendable @escaping (Database) throws -> T) async throws -> T {
        do { return try await database.write(body) } catch { throw Self.storeError("State store write failed", error) }
    }

    static func storeError(_ message: String, _ error: any Error) -> SyncError {
        if let error = error as? SyncError { return error }
        // GRDB's DatabaseError hides statement arguments by default, so its description carries no record values.
        return SyncError(code: .stateStore, system: .stateStore, message: message, underlying: String(describing: error))
    }
}
