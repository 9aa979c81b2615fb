import Foundation
import GRDB
import SyncCore
import SyncStore
import Testing

/// What only the SQLite store does: the file, its mode, the runner lock, and files made by earlier releases.
@Suite struct SQLiteStateStoreTests {
    @Test func open_createsFileWithMode0600InWALMode() async throws {
        let path = TestStores.temporarySQLitePath()
        let store = try SQLiteStateStore(path: path)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
        #expect(try await store.journalMode() == "wal")
    }

    @Test func runnerLock_secondHolderIsRefused() throws {
        let path = TestStores.temporarySQLitePath()
        let lock = try RunnerLock(storePath: path)
        #expect(throws: SyncError.self) { try RunnerLock(storePath: path) }
        _ = lock
    }

    @Test func fenced_isTheSameStore() throws {
        let store = try SQLiteStateStore.inMemory()
        let lease = FlowLease(flow: .orders, holder: "a", fencingToken: 1, expiresAt: Date())
        #expect(store.fenced(by: [lease]) as? SQLiteStateStore === store)
    }

    /// The DDL of the previous release's single GRDB migration "v1", verbatim.
    static let shippedV1 = """
        CREATE TABLE watermark (
            stream TEXT PRIMARY KEY NOT NULL,
            position DATETIME NOT NULL,
            lastID TEXT,
            updatedAt DATETIME NOT NULL
        );
        CREATE TABLE accountMapping (
            accountID TEXT PRIMARY KEY NOT NULL,
            sapBusinessPartner TEXT,
            sapCustomer TEXT,
            zohoContactID TEXT,
            zohoContactEmail TEXT
        );
        CREATE TABLE dealMapping (
            opportunityID TEXT PRIMARY KEY NOT NULL,
            sapSalesOrder TEXT,
            zohoInvoiceID TEXT,
            zohoInvoiceNumber TEXT,
            invoiceEmailed BOOLEAN NOT NULL DEFAULT 0,
            currency TEXT
        );
        CREATE UNIQUE INDEX dealMapping_zohoInvoiceID ON dealMapping(zohoInvoiceID) WHERE zohoInvoiceID IS NOT NULL;
        CREATE TABLE productMapping (
            product2ID TEXT PRIMARY KEY NOT NULL,
            material TEXT NOT NULL,
            lastWrittenStock TEXT,
            lastWrittenLowStock BOOLEAN,
            lastWrittenAt DATETIME
        );
        CREATE TABLE journal (
            idempotencyKey TEXT PRIMARY KEY NOT NULL,
            flow TEXT NOT NULL,
            kind TEXT NOT NULL,
            targetSystem TEXT NOT NULL,
            recordID TEXT NOT NULL,
            status TEXT NOT NULL,
            attempts INTEGER NOT NULL,
            resultReference TEXT,
            errorCode TEXT,
            errorMessage TEXT,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX journal_updatedAt ON journal(updatedAt);
        CREATE INDEX journal_recordID ON journal(recordID);
        CREATE TABLE deadLetter (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            idempotencyKey TEXT NOT NULL UNIQUE,
            flow TEXT NOT NULL,
            recordID TEXT NOT NULL,
            error TEXT NOT NULL,
            action TEXT NOT NULL,
            status TEXT NOT NULL,
            alerted BOOLEAN NOT NULL,
            failures INTEGER NOT NULL,
            createdAt DATETIME NOT NULL,
            updatedAt DATETIME NOT NULL
        );
        CREATE INDEX deadLetter_status ON deadLetter(status);
        CREATE TABLE syncRun (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            flow TEXT NOT NULL,
            kind TEXT NOT NULL,
            outcome TEXT NOT NULL,
            observed INTEGER NOT NULL,
            planned INTEGER NOT NULL,
            applied INTEGER NOT NULL,
            failed INTEGER NOT NULL,
            dead INTEGER NOT NULL,
            errorMessage TEXT,
            startedAt DATETIME NOT NULL,
            finishedAt DATETIME
        );
        CREATE INDEX syncRun_flow ON syncRun(flow, id);
        """

    /// Creates a file as the previous release left it: migration "v1" applied, one watermark stored.
    func makeV1File() async throws -> String {
        let path = TestStores.temporarySQLitePath()
        try FileManager.default.createDirectory(
            at: URL(fileURLWithPath: path).deletingLastPathComponent(), withIntermediateDirectories: true)
        let queue = try DatabaseQueue(path: path)
        try await queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY); INSERT INTO grdb_migrations VALUES ('v1');")
            try db.execute(sql: Self.shippedV1)
            try db.execute(sql: "INSERT INTO watermark VALUES ('sap.product', '2025-11-30 00:00:00.000', NULL, '2025-11-30 00:00:00.000')")
        }
        try queue.close()
        return path
    }

    /// The columns (name, type, not null, default, key position) and indexes of every table, as SQLite reports them.
    func shape(_ path: String, tables: [String]) async throws -> [String] {
        let queue = try DatabaseQueue(path: path)
        defer { try? queue.close() }
        return try await queue.read { db in
            try tables.flatMap { table in
                try Row.fetchAll(db, sql: "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?)", arguments: [table])
                    .map { "\(table): \($0)" }
                    + Row.fetchAll(db, sql: "SELECT name, \"unique\", partial FROM pragma_index_list(?) ORDER BY name", arguments: [table])
                    .map { "\(table) index: \($0)" }
            }
        }
    }

    /// A file made by the previous release opens, keeps its rows and gains the later tables.
    @Test func v1File_isMigratedForward() async throws {
        let path = try await makeV1File()
        #expect(try SQLiteStateStore.schemaStatus(path: path).pending == ["v2"])
        let store = try SQLiteStateStore(path: path)
        #expect(try await store.watermark(for: "sap.product")?.position == Date(timeIntervalSince1970: 1_764_460_800))
        #expect(try await store.quotas().isEmpty)
        #expect(try SQLiteStateStore.schemaStatus(path: path) == SchemaStatus(applied: ["v1", "v2"]))
    }

    /// The schema description renders v1 with the same columns, keys and indexes as the shipped DDL.
    @Test func renderedV1_matchesShippedV1() async throws {
        let tables = ["watermark", "accountMapping", "dealMapping", "productMapping", "journal", "deadLetter", "syncRun"]
        let shipped = try await shape(try await makeV1File(), tables: tables)
        let fresh = TestStores.temporarySQLitePath()
        _ = try SQLiteStateStore(path: fresh)
        #expect(try await shape(fresh, tables: tables) == shipped)
        #expect(shipped.count > 60)
    }

    /// `crm-sync migrate --status` / `migrate` on SQLite: a missing file has every migration pending; migrating creates it.
    @Test func location_statusThenMigrate() async throws {
        let path = TestStores.temporarySQLitePath()
        let location = StateStoreLocation.sqlite(path: path)
        let all = StateSchema.migrations.map(\.identifier)
        #expect(try await location.schemaStatus(logger: TestStores.logger).pending == all)
        #expect(try await location.migrate(logger: TestStores.logger) == all)
        #expect(try await location.schemaStatus(logger: TestStores.logger).isCurrent)
        #expect(try await location.migrate(logger: TestStores.logger).isEmpty)
    }

    /// Work on a missing file is refused when the command expects an existing store (`status`, `dead-letters`).
    @Test func location_mustExist_refusesAMissingFile() async throws {
        let location = StateStoreLocation.sqlite(path: TestStores.temporarySQLitePath())
        let error = await #expect(throws: SyncError.self) {
            try await location.withStore(logger: TestStores.logger, lock: false, mustExist: true) { _ in }
        }
        #expect(error?.code == .stateStore)
    }
}
