import Foundation
import Logging
import PostgresNIO
import SyncCore

/// Opens the PostgreSQL state store at `url` (`STATE_URL`), runs its connection pool while `body` runs, and closes
/// it when `body` returns or throws.
///
/// A start-up check connects once first, so a wrong host, port, user, password or database fails in milliseconds
/// with the server's reason instead of the pool's silent retries. The schema is not checked: call
/// `requireCurrentSchema()` (work) or `migrate()` (`crm-sync migrate`).
/// - Throws: `SyncError` `.configuration` (bad URL), `.stateStore` (cannot connect: names host, port, database and
///   user, never the password), or what `body` throws.
public func withPostgresStateStore<R: Sendable>(
    url: String, logger: Logger, _ body: (PostgresStateStore) async throws -> R
) async throws -> R {
    try await withPostgresStateStore(location: try PostgresStateLocation(url: url), logger: logger, body)
}

/// Opens the PostgreSQL state store at `location`; see `withPostgresStateStore(url:logger:_:)`.
public func withPostgresStateStore<R: Sendable>(
    location: PostgresStateLocation, logger: Logger, _ body: (PostgresStateStore) async throws -> R
) async throws -> R {
    try await PostgresStateStore.checkConnection(location, logger: logger)
    let client = PostgresClient(configuration: try location.clientConfiguration(), backgroundLogger: logger)
    let store = PostgresStateStore(client: client, location: location, logger: logger)
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask { await client.run() }
        defer { group.cancelAll() }
        return try await body(store)
    }
}

extension PostgresStateStore {
    /// Connects once and disconnects, turning a refused login or connection into a clear error.
    /// - Throws: `SyncError` `.stateStore` naming host, port, database and user (never the password).
    static func checkConnection(_ location: PostgresStateLocation, logger: Logger) async throws {
        do {
            let connection = try await PostgresConnection.connect(
                configuration: try location.connectionConfiguration(), id: 0, logger: logger)
            try? await connection.close()
        } catch let error as SyncError {
            throw error
        } catch {
            throw SyncError(
                code: .stateStore, system: .stateStore,
                message: "Cannot connect to the PostgreSQL state store \(location) (user \(location.username)): \(PostgresErrorText.describe(error)). Check STATE_URL and that the server is up.",
                underlying: PostgresErrorText.describe(error))
        }
    }
}

extension PostgresStateLocation {
    /// The connection pool's configuration.
    func clientConfiguration() throws -> PostgresClient.Configuration {
        let tls: PostgresClient.Configuration.TLS
        switch tlsMode {
        case .disable: tls = .disable
        case .prefer: tls = .prefer(.makeClientConfiguration())
        case .require: tls = .require(.makeClientConfiguration())
        }
        var configuration = PostgresClient.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// The start-up check's connection configuration.
    func connectionConfiguration() throws -> PostgresConnection.Configuration {
        let tls: PostgresConnection.Configuration.TLS
        do {
            switch tlsMode {
            case .disable: tls = .disable
            case .prefer: tls = .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: tls = .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
        } catch {
            throw SyncError(code: .configuration, system: .configuration, message: "Cannot set up TLS for STATE_URL: \(error)")
        }
        var configuration = PostgresConnection.Configuration(
            host: host, port: port, username: username, password: password, database: database, tls: tls)
        configuration.options.additionalStartupParameters = startupParameters
        configuration.options.connectTimeout = .seconds(5)
        return configuration
    }

    /// Session settings sent at start-up: UTC, and the search path when one is set.
    var startupParameters: [(String, String)] {
        var parameters = [("TimeZone", "UTC"), ("application_name", "crm-sync")]
        if let searchPath { parameters.append(("search_path", searchPath)) }
        return parameters
    }
}
