import Foundation
import Logging
import PostgresNIO
import SyncCore
@testable import SyncStore
import Testing

/// What only the PostgreSQL store does: fencing, migrations, the start-up check.
@Suite(.enabled(if: TestStores.postgresURL != nil, TestStores.postgresSkipReason))
struct PostgresStateStoreTests {
    let now = Date(timeIntervalSince1970: 1_764_460_800)

    func insertLease(_ store: PostgresStateStore, flow: SyncFlow, holder: String, token: Int64, validFor seconds: Int) async throws {
        try await store.read { session in
            try await session.execute("""
                INSERT INTO flow_lease (flow, holder, fencing_token, acquired_at, renewed_at, expires_at)
                VALUES (\(flow.rawValue), \(holder), \(token), now(), now(), now() + make_interval(secs => \(seconds)))
                ON CONFLICT (flow) DO UPDATE SET holder = excluded.holder, fencing_token = excluded.fencing_token,
                    expires_at = excluded.expires_at
                """)
        }
    }

    @Test func fencedStore_commitsWhileTheLeaseHolds_andNothingOnceItIsLost() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            try await insertLease(store, flow: .orders, holder: "replica-a", token: 7, validFor: 60)
            let lease = FlowLease(flow: .orders, holder: "replica-a", fencingToken: 7, expiresAt: now)
            let fenced = store.fenced(by: [lease])
            let mark = Watermark(stream: SyncFlow.orders.stream, position: now, lastID: nil, updatedAt: now)
            try await fenced.saveWatermark(mark)
            #expect(try await store.watermark(for: SyncFlow.orders.stream) == mark)

            // Another replica takes the lease over (new holder, token + 1).
            try await insertLease(store, flow: .orders, holder: "replica-b", token: 8, validFor: 60)
            let before = try await store.totalChanges()
            let later = Watermark(stream: SyncFlow.orders.stream, position: now.addingTimeInterval(60), lastID: "006", updatedAt: now)
            let error = await #expect(throws: SyncError.self) { try await fenced.saveWatermark(later) }
            #expect(error?.code == .leaseLost)
            #expect(error?.system == .stateStore)
            let action = ReconcileAction(idempotencyKey: "k", flow: .orders, recordID: "006", operation: .writeBackDeal(opportunityID: "006"))
            await #expect(throws: SyncError.self) { _ = try await fenced.markStarted([action], now: now) }
            #expect(try await store.watermark(for: SyncFlow.orders.stream) == mark)
            #expect(try await store.journalEntries(["k"]).isEmpty)
            #expect(try await store.totalChanges() == before)
            // Reads still work through the fenced view.
            #expect(try await fenced.watermarks() == [mark])
        }
    }

    @Test func fencedStore_refusesAnExpiredLease() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            try await insertLease(store, flow: .stock, holder: "replica-a", token: 1, validFor: -1)
            let fenced = store.fenced(by: [FlowLease(flow: .stock, holder: "replica-a", fencingToken: 1, expiresAt: now)])
            let error = await #expect(throws: SyncError.self) {
                try await fenced.saveQuotas([APIQuotaUsage(system: "sap", used: 1, dailyLimit: 2, observedAt: now)])
            }
            #expect(error?.code == .leaseLost)
            #expect(try await store.quotas().isEmpty)
        }
    }

    @Test func migrate_appliesEveryMigrationOnce_andWorkWaitsForIt() async throws {
        try await TestStores.withPostgres(migrated: false) { store in
            #expect(try await store.schemaStatus() == SchemaStatus(applied: []))
            let refused = await #expect(throws: SyncError.self) { try await store.requireCurrentSchema() }
            #expect(refused?.code == .configuration)
            #expect(refused?.message.contains("crm-sync migrate") == true)

            // Two migrations at once: the advisory lock lets one apply everything and the other nothing.
            async let first = store.migrate()
            async let second = store.migrate()
            let applied = try await [first, second]
            #expect(applied.sorted { $0.count < $1.count } == [[], StateSchema.migrations.map(\.identifier)])
            try await store.requireCurrentSchema()
            #expect(try await store.migrate().isEmpty)
        }
    }

    @Test func migrate_rendersExactTypes() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            let types = try await store.read { session in
                try await session.rows("""
                    SELECT table_name || '.' || column_name, data_type FROM information_schema.columns
                    WHERE table_schema = current_schema() AND column_name IN ('lastwrittenstock', 'expires_at', 'fencing_token', 'invoiceemailed', 'id')
                    ORDER BY 1
                    """).map { try $0.decode((String, String).self) }
            }
            #expect(types.map { "\($0.0) \($0.1)" } == [
                "deadletter.id bigint", "dealmapping.invoiceemailed boolean", "flow_lease.expires_at timestamp with time zone",
                "flow_lease.fencing_token bigint", "productmapping.lastwrittenstock numeric", "syncrun.id bigint",
            ])
        }
    }

    @Test func newerSchema_isRefused() async throws {
        try await TestStores.withPostgres(migrated: true) { store in
            try await store.read { session in try await session.execute("INSERT INTO schema_migration (identifier) VALUES ('v99')") }
            let error = await #expect(throws: SyncError.self) { try await store.requireCurrentSchema() }
            #expect(error?.message.contains("newer crm-sync") == true)
            await #expect(throws: SyncError.self) { _ = try await store.migrate() }
        }
    }

    @Test func startupCheck_failsFastNamingTheDatabaseButNotThePassword() async throws {
        var location = try PostgresStateLocation(url: try #require(TestStores.postgresURL))
        location.database = "no_such_database"
        location.password = "pw-not-to-be-shown"
        let started = ContinuousClock.now
        let error = await #expect(throws: SyncError.self) {
            try await withPostgresStateStore(location: location, logger: TestStores.logger) { _ in }
        }
        // postgres-nio's PostgresClient alone would retry the login silently for about 66 s; the start-up check
        // answers at the first refusal (milliseconds; seconds on a loaded CI machine).
        #expect(ContinuousClock.now - started < .seconds(30))
        #expect(error?.code == .stateStore)
        #expect(error?.description.contains("no_such_database") == true)
        #expect(error?.description.contains("pw-not-to-be-shown") == false)
        #expect(error?.underlying?.contains("pw-not-to-be-shown") == false)
    }
}

/// `STATE_URL` parsing (no database needed).
@Suite struct PostgresStateLocationTests {
    @Test func parsesTheDocumentedForms() throws {
        let full = try PostgresStateLocation(url: "postgresql://crm%40corp:p%2Fss@db.internal:6432/crm_sync?sslmode=require")
        #expect(full == PostgresStateLocation(
            host: "db.internal", port: 6432, username: "crm@corp", password: "p/ss", database: "crm_sync", tlsMode: .require))
        #expect(full.description == "postgres://crm@corp@db.internal:6432/crm_sync")
        // RFC 3986 percent-encoding, decoded exactly once: "%25" is a literal "%", "%2541" stays "%41".
        let percent = try PostgresStateLocation(url: "postgres://crm:p%25ss%2541@db.internal/crm%25sync")
        #expect(percent.password == "p%ss%41")
        #expect(percent.database == "crm%sync")
        let short = try PostgresStateLocation(url: "postgres://crm@localhost")
        #expect(short == PostgresStateLocation(host: "localhost", username: "crm", password: nil, database: "crm"))
    }

    @Test(arguments: ["mysql://u:p@h/db", "postgres://h/db", "postgres://u:p@h/db?sslmode=verify", "postgres://u:p@h/db?x=1", "not a url"])
    func rejectsOthers_withoutEchoingThem(_ url: String) {
        let error = #expect(throws: SyncError.self) { try PostgresStateLocation(url: url) }
        #expect(error?.code == .configuration)
        #expect(error?.message.contains("u:p") == false)
    }

    @Test func location_choosesPostgreSQLOnlyWithAURL() throws {
        #expect(try StateStoreLocation(stateURL: nil, statePath: "state/x.sqlite").backendName == "sqlite")
        #expect(try StateStoreLocation(stateURL: "postgres://u:secret@h/db", statePath: "x").description == "postgres://u@h:5432/db")
    }
}
