import Foundation
import Logging
import PostgresNIO
import Metrics
import SimulatorKit
import Simulators
import SyncCore
import SyncService
import SyncStore
import Testing

/// A throw-away PostgreSQL schema on the cluster named by `CRMSYNC_TEST_POSTGRES_URL`, migrated, with one login role
/// per replica (so a test can cut one replica off the database), dropped afterwards.
enum ReplicaDatabase {
    /// `CRMSYNC_TEST_POSTGRES_URL` (scripts/postgres/with-private-cluster.sh sets it), or nil.
    static let url = ProcessInfo.processInfo.environment["CRMSYNC_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    static let skipReason: Comment =
        "CRMSYNC_TEST_POSTGRES_URL is unset: the replica failover tests need PostgreSQL (run under scripts/postgres/with-private-cluster.sh)"

    /// Runs `body` with the location of each replica's role (search path = the new schema).
    static func with<R: Sendable>(
        replicas: [String], _ body: @Sendable ([String: PostgresStateLocation]) async throws -> R
    ) async throws -> R {
        let base = try PostgresStateLocation(url: try requireURL())
        let suffix = UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(12).lowercased()
        let schema = "failover_\(suffix)"
        let roles = Dictionary(uniqueKeysWithValues: replicas.map { ($0, "\($0.replacingOccurrences(of: "-", with: "_"))_\(suffix)") })
        try await admin(base, ["CREATE SCHEMA \(schema)"] + roles.values.map { "CREATE ROLE \($0) LOGIN" })
        var migrator = base
        migrator.searchPath = schema
        do {
            _ = try await withPostgresStateStore(location: migrator, logger: EndToEnd.quietLogger) { try await $0.migrate() }
            try await admin(base, roles.values.flatMap { role in [
                "GRANT USAGE ON SCHEMA \(schema) TO \(role)",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \(schema) TO \(role)",
                "GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA \(schema) TO \(role)",
            ] })
            let locations = roles.mapValues { role in
                var location = base
                location.username = role
                location.password = nil
                location.searchPath = schema
                return location
            }
            let result = try await body(locations)
            try await drop(base, schema, Array(roles.values))
            return result
        } catch {
            try? await drop(base, schema, Array(roles.values))
            throw error
        }
    }

    /// Cuts a replica off the database: its role may no longer log in, and its open sessions lose every privilege
    /// on the schema, so each statement it sends fails (lease renewals included), as when its network to the database
    /// is gone. (Ending its sessions with `pg_terminate_backend` instead can leave a statement sent on a closing
    /// connection unanswered forever with postgres-nio 1.33.2, which would hang the test rather than the replica.)
    static func cutOff(_ location: PostgresStateLocation) async throws {
        let base = try PostgresStateLocation(url: try requireURL())
        let schema = location.searchPath ?? "public"
        try await admin(base, [
            "ALTER ROLE \(location.username) NOLOGIN",
            "REVOKE ALL ON ALL TABLES IN SCHEMA \(schema) FROM \(location.username)",
            "REVOKE USAGE ON SCHEMA \(schema) FROM \(location.username)",
        ])
    }

    private static func drop(_ base: PostgresStateLocation, _ schema: String, _ roles: [String]) async throws {
        try await admin(base, roles.map { "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '\($0)'" }
            + ["DROP SCHEMA \(schema) CASCADE"] + roles.flatMap { ["DROP OWNED BY \($0)", "DROP ROLE \($0)"] })
    }

    private static func requireURL() throws -> String {
        guard let url else { throw SyncError(code: .configuration, system: .configuration, message: "CRMSYNC_TEST_POSTGRES_URL is unset") }
        return url
    }

    /// Runs administrative statements (names made by the test, never user input) as the URL's user.
    private static func admin(_ location: PostgresStateLocation, _ statements: [String]) async throws {
        let connection = try await PostgresConnection.connect(
            configuration: .init(
                host: location.host, port: location.port, username: location.username, password: location.password,
                database: location.database, tls: .disable),
            id: 1, logger: EndToEnd.quietLogger)
        do {
            for statement in statements { try await connection.query(PostgresQuery(unsafeSQL: statement), logger: EndToEnd.quietLogger) }
            try await connection.close()
        } catch {
            try? await connection.close()
            throw error
        }
    }
}

/// An in-process replica of `crm-sync run` for the deal flows: its own PostgreSQL client (its own role), engine,
/// leadership and polling loop, sharing the runtime's connectors. It runs until its kill switch is pulled, which
/// cancels it abruptly: nothing is released, its connections close, as when the process is killed.
struct TestReplica: Sendable {
    static let logger: Logger = ProcessInfo.processInfo.environment["CRMSYNC_TEST_LOG"] == nil ? EndToEnd.quietLogger : {
        var logger = Logger(label: "replica", factory: { label in StreamLogHandler.standardError(label: label) })
        logger.logLevel = .debug
        return logger
    }()
    let id: String
    let location: PostgresStateLocation
    let interval: TimeInterval
    let kill = AsyncStream<Void>.makeStream()
    let started = LeadershipBox()

    /// Runs the replica until `stop()`, which cancels its polling service abruptly (no lease is released); the
    /// connection pool then closes, as a killed process's connections do.
    func run(_ runtime: SyncRuntime) async {
        var logger = Self.logger
        logger[metadataKey: "replica"] = "\(id)"
        do {
            try await withPostgresStateStore(location: location, logger: logger) { store in
                let alerts = AlertDispatcher(sink: nil, store: store, logger: logger)
                let engine = SyncEngine(
                    salesforce: runtime.salesforce, sap: runtime.sap, zoho: runtime.zoho, store: store, alerts: alerts,
                    configuration: runtime.configuration.engine, logger: logger)
                let metrics = EngineMetrics(factory: NOOPMetricsHandler.instance)
                let leadership = FlowLeadership(
                    replicaID: id, flows: [.orders, .invoices], leases: store, store: store,
                    timing: LeaseTiming(pollIntervals: [.orders: interval, .invoices: interval]),
                    logger: logger, metrics: metrics)
                await started.set(leadership, store: store)
                let service = PollingService(
                    engine: engine, store: store, alerts: alerts,
                    schedule: .init(
                        intervals: [.orders: interval, .invoices: interval, .stock: 3600, .payments: 3600],
                        nightlyReconcileAt: nil, tick: .milliseconds(50)),
                    health: HealthState(), metrics: metrics, logger: logger, leadership: leadership)
                await withTaskGroup(of: Void.self) { group in
                    group.addTask { try? await service.run() }
                    group.addTask {
                        for await _ in kill.stream { return }
                    }
                    await group.next()
                    group.cancelAll()
                }
            }
        } catch {
            logger.error("replica ended", metadata: ["error": "\(error)"])
        }
    }

    /// Pulls the kill switch.
    func stop() {
        kill.continuation.finish()
    }

    /// The status document as this replica's `/status` serves it.
    func status() async throws -> StatusReport? {
        guard let store = await started.store else { return nil }
        return try await StatusReport.make(store: store, now: Date())
    }

    /// The flows this replica leads now (empty before it started).
    func ledFlows() async -> Set<SyncFlow> {
        await started.leadership?.ledFlows() ?? []
    }
}

/// The leadership and state store of a replica once its store is open.
actor LeadershipBox {
    private(set) var leadership: FlowLeadership?
    private(set) var store: (any StateStore)?

    func set(_ leadership: FlowLeadership, store: any StateStore) {
        self.leadership = leadership
        self.store = store
    }
}

/// Polls `condition` every 20 ms until it holds or `timeout` passes.
/// - Returns: whether it held.
func eventually(within timeout: Duration, _ condition: @Sendable () async throws -> Bool) async throws -> Bool {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while ContinuousClock.now < deadline {
        if try await condition() { return true }
        try await Task.sleep(for: .milliseconds(20))
    }
    return try await condition()
}
