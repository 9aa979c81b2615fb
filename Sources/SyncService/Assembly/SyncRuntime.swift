import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SAPConnector
import SalesforceConnector
import SlackNotifier
import SyncCore
import SyncHTTP
import SyncStore
import ZohoBooksConnector

/// The assembled product: configuration, HTTP client, connectors, state store, alerts and engine.
///
/// Built by `withSyncRuntime(configuration:logger:lock:_:)` for the CLI and the tests; the HTTP client is shut
/// down and the runner lock released when the body returns.
public struct SyncRuntime: Sendable {
    /// The configuration it was built from.
    public let configuration: AppConfiguration
    /// The state store: the SQLite file, or PostgreSQL when `STATE_URL` is set.
    public let store: any StateStore
    /// The engine.
    public let engine: SyncEngine
    /// The alert dispatcher (Slack when `SLACK_WEBHOOK_URL` is set).
    public let alerts: AlertDispatcher
    /// The Salesforce client.
    public let salesforce: SalesforceClient
    /// The SAP client.
    public let sap: SAPClient
    /// The Zoho Books client.
    public let zoho: ZohoBooksClient
}

/// Builds the runtime, runs `body`, and shuts the HTTP client down.
/// - Parameters:
///   - lock: take the SQLite state store's runner lock (every command that writes does); PostgreSQL has none (replicas
///     coordinate through flow leases) but must be at the current schema (`crm-sync migrate`).
///   - metrics: the metrics factory for the connectors (nil: the bootstrapped one).
///   - now: the clock (UTC).
/// - Throws: `SyncError` `.configuration` (unreadable key, bad values), `.locked` (another runner), `.stateStore`.
public func withSyncRuntime<R: Sendable>(
    configuration: AppConfiguration, logger: Logger, lock: Bool = true, metrics: (any MetricsFactory)? = nil,
    now: @escaping @Sendable () -> Date = { Date() },
    _ body: (SyncRuntime) async throws -> R
) async throws -> R {
    try await configuration.stateLocation().withStore(logger: logger, lock: lock) { store in
        try await withSyncRuntime(configuration: configuration, store: store, logger: logger, metrics: metrics, now: now, body)
    }
}

/// Builds the runtime on a state store that is already open (the caller owns its lifecycle and any lock or lease),
/// runs `body`, and shuts the HTTP client down. Replicas in one process (tests) share a PostgreSQL store this way.
/// - Throws: `SyncError` `.configuration` (unreadable key, bad values).
public func withSyncRuntime<R: Sendable>(
    configuration: AppConfiguration, store: any StateStore, logger: Logger, metrics: (any MetricsFactory)? = nil,
    now: @escaping @Sendable () -> Date = { Date() },
    _ body: (SyncRuntime) async throws -> R
) async throws -> R {
    var http = HTTPTransport.Configuration()
    http.retryPolicy = RetryPolicy(
        maxAttempts: configuration.retryAttempts, baseDelay: .milliseconds(Int(configuration.retryBaseSeconds * 1000)))
    http.trustedCAFile = configuration.trustedCAFile
    let httpClient: HTTPClient
    do {
        httpClient = try makeHTTPClient(configuration: http)
    } catch {
        throw SyncError(code: .configuration, system: .configuration, message: "Cannot set up TLS: \(error)")
    }
    do {
        let result = try await body(try makeRuntime(configuration, store: store, http: http, httpClient: httpClient, logger: logger, metrics: metrics, now: now))
        try? await httpClient.shutdown()
        return result
    } catch {
        try? await httpClient.shutdown()
        throw error
    }
}

private func makeRuntime(
    _ configuration: AppConfiguration, store: any StateStore, http: HTTPTransport.Configuration, httpClient: HTTPClient, logger: Logger,
    metrics: (any MetricsFactory)?, now: @escaping @Sendable () -> Date
) async throws -> SyncRuntime {
    let sfSettings = configuration.salesforce
    let salesforce = try SalesforceClient(
        configuration: SalesforceClient.Configuration(
            loginURL: sfSettings.loginURL, clientID: sfSettings.clientID, username: sfSettings.username,
            privateKeyPath: sfSettings.privateKeyPath, apiVersion: sfSettings.apiVersion,
            multiCurrency: sfSettings.multiCurrency, defaultCurrency: configuration.engine.settings.defaultCurrency,
            http: http),
        httpClient: httpClient, logger: logger, metrics: metrics, now: now)

    let sapAuth: SAPClient.Configuration.Authentication
    switch configuration.sap.auth {
    case .basic(let username, let password):
        sapAuth = .basic(username: username, password: password.value)
    case .oauthClientCredentials(let tokenURL, let clientID, let secret):
        sapAuth = .oauthClientCredentials(tokenURL: tokenURL, clientID: clientID, clientSecret: secret.value)
    }
    let sap = SAPClient(
        configuration: SAPClient.Configuration(
            baseURL: configuration.sap.baseURL, authentication: sapAuth, sapClient: configuration.sap.sapClient,
            language: configuration.engine.settings.language, companyCode: configuration.sap.companyCode, http: http),
        httpClient: httpClient, logger: logger, metrics: metrics, now: now)

    guard let dataCenter = ZohoDataCenter(rawValue: configuration.zoho.dataCenter) else {
        throw SyncError(code: .configuration, system: .configuration, message: "ZOHO_DC '\(configuration.zoho.dataCenter)' is not a Zoho data center (us, eu, in, au, jp, ca, cn, sa).")
    }
    let zoho = ZohoBooksClient(
        configuration: ZohoBooksClient.Configuration(
            dataCenter: dataCenter, accountsURL: configuration.zoho.accountsURL, clientID: configuration.zoho.clientID,
            clientSecret: configuration.zoho.clientSecret.value, refreshToken: configuration.zoho.refreshToken.value,
            organizationID: configuration.zoho.organizationID,
            paymentTermsDays: configuration.engine.settings.paymentTermsDays,
            requestsPerMinute: configuration.zoho.requestsPerMinute, http: http,
            tokenCachePath: configuration.zohoTokenCachePath),
        httpClient: httpClient, logger: logger, metrics: metrics)

    let slack = configuration.slackWebhookURL.map { url in
        SlackWebhookNotifier(configuration: SlackWebhookNotifier.Configuration(webhookURL: url.value, http: http),
                             httpClient: httpClient, logger: logger, metrics: metrics)
    }
    let alerts = AlertDispatcher(sink: slack, store: store, logger: logger, now: now)
    let engine = SyncEngine(
        salesforce: salesforce, sap: sap, zoho: zoho, store: store, alerts: alerts,
        configuration: configuration.engine, logger: logger, now: now)
    return SyncRuntime(
        configuration: configuration, store: store, engine: engine, alerts: alerts, salesforce: salesforce, sap: sap, zoho: zoho)
}
