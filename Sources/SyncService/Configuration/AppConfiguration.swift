import Foundation
import SyncCore

/// Everything CRMSync is configured with, read by `AppConfiguration.load(...)` from the environment, a `.env`
/// file and an optional JSON config file. The README's configuration reference lists every name.
///
/// Secrets (`SF_PRIVATE_KEY_PATH`'s content, `SAP_CLIENT_SECRET`, `SAP_PASSWORD`, `ZOHO_CLIENT_SECRET`,
/// `ZOHO_REFRESH_TOKEN`, `SLACK_WEBHOOK_URL`) are kept in `Secret` values whose description is redacted.
public struct AppConfiguration: Sendable {
    /// Salesforce (JWT bearer flow).
    public struct Salesforce: Sendable {
        /// `SF_LOGIN_URL`, default `https://login.salesforce.com` (the JWT `aud` and token host).
        public var loginURL: String
        /// `SF_CLIENT_ID`: the connected app's consumer key.
        public var clientID: String
        /// `SF_USERNAME`: the integration user.
        public var username: String
        /// `SF_PRIVATE_KEY_PATH`: PEM private key whose certificate is on the connected app.
        public var privateKeyPath: String
        /// `SF_API_VERSION`, default `60.0`.
        public var apiVersion: String
        /// `SF_MULTI_CURRENCY`: the org has multi-currency on (Opportunities carry `CurrencyIsoCode`).
        public var multiCurrency: Bool
        /// `SF_MODSTAMP_FIELD`: `LastModifiedDate` (default) or `SystemModstamp`.
        public var modstampField: ModstampField
    }

    /// SAP S/4HANA.
    public struct SAP: Sendable {
        /// How CRMSync authenticates.
        public enum Auth: Sendable {
            case basic(username: String, password: Secret)
            case oauthClientCredentials(tokenURL: String, clientID: String, clientSecret: Secret)
        }
        /// `SAP_BASE_URL`: scheme and host (and port) of the OData services, e.g. `https://my123456-api.s4hana.cloud.sap`.
        public var baseURL: String
        /// `SAP_AUTH` = `basic` (`SAP_USERNAME`, `SAP_PASSWORD`) or `oauth` (`SAP_TOKEN_URL`, `SAP_CLIENT_ID`, `SAP_CLIENT_SECRET`).
        public var auth: Auth
        /// `SAP_CLIENT`: the `sap-client` on premise, if not the default.
        public var sapClient: String?
        /// `SAP_COMPANY_CODE`, default `1010`.
        public var companyCode: String
    }

    /// Zoho Books.
    public struct Zoho: Sendable {
        /// `ZOHO_DC`: data center (`us`, `eu`, `in`, `au`, `jp`, `ca`, `cn`, `sa`), default `us`.
        public var dataCenter: String
        /// `ZOHO_ACCOUNTS_URL`: overrides the data center's accounts server.
        public var accountsURL: String?
        /// `ZOHO_CLIENT_ID`.
        public var clientID: String
        /// `ZOHO_CLIENT_SECRET`.
        public var clientSecret: Secret
        /// `ZOHO_REFRESH_TOKEN`.
        public var refreshToken: Secret
        /// `ZOHO_ORG_ID`: the `organization_id`.
        public var organizationID: String
        /// `ZOHO_REQUESTS_PER_MINUTE`, default 100 (Zoho's per-organization limit; raise it only against a simulator
        /// configured with a higher limit).
        public var requestsPerMinute: Int
        /// `ZOHO_TOKEN_CACHE` as set: a file path, `off`, or nil for the default (see `zohoTokenCachePath`).
        public var tokenCache: String? = nil
    }

    public var salesforce: Salesforce
    public var sap: SAP
    public var zoho: Zoho
    /// `SLACK_WEBHOOK_URL`; alerts are only logged when absent.
    public var slackWebhookURL: Secret?
    /// `CRMSYNC_STATE_PATH`, default `state/crm-sync.sqlite`.
    public var statePath: String
    /// `STATE_URL`: a PostgreSQL state store (`postgres://USER:PASSWORD@HOST:PORT/DATABASE[?sslmode=…]`, also
    /// `postgresql://`); unset = the SQLite file at `statePath`. A secret: it holds the password.
    public var stateURL: Secret?
    /// `CRMSYNC_REPLICA_ID`: this replica's name in the flow leases of a shared PostgreSQL state store (default: host
    /// name and process id, `host-1234`).
    public var replicaID: String
    /// `CRMSYNC_TRUSTED_CA_FILE`: an extra PEM CA bundle to trust (TLS-inspecting proxies, the sandbox's HTTPS).
    public var trustedCAFile: String?
    /// Engine settings (sales area, currency, threshold, overlap...).
    public var engine: EngineConfiguration
    /// Poll intervals per flow in seconds (`CRMSYNC_INTERVAL_ORDERS`, `_INVOICES`, `_PAYMENTS` default 60,
    /// `_STOCK` default 3600).
    public var intervals: [SyncFlow: TimeInterval]
    /// `CRMSYNC_RETRY_ATTEMPTS` (default 3) and `CRMSYNC_RETRY_BASE_MILLISECONDS` (default 2000).
    public var retryAttempts: Int
    public var retryBaseSeconds: Double
    /// `CRMSYNC_NIGHTLY_RECONCILE_AT`: UTC time (`HH:MM`, default `02:00`) of `run`'s nightly full reconcile, as
    /// `hour` and `minute`; `nil` when set to `off`.
    public var nightlyReconcileAt: DateComponents?
    /// `CRMSYNC_STATUS_PORT`: loopback port of `/healthz`, `/status`, `/metrics` for `run` (default 9464, 0 = off).
    public var statusPort: Int
    /// `CRMSYNC_LOG_FORMAT`: `logfmt` (default) or `json`; `CRMSYNC_LOG_LEVEL` default `info`.
    public var logFormat: String
    public var logLevel: String
}

/// A secret value: its description never shows it.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The value; read it only where it is sent.
    public let value: String

    public init(_ value: String) {
        self.value = value
    }

    public var description: String { "[redacted]" }
    public var debugDescription: String { "[redacted]" }
}
