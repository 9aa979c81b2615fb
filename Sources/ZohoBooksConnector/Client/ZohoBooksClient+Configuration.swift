import Foundation
import SyncHTTP

extension ZohoBooksClient {
    /// How to reach one Zoho Books organization.
    ///
    /// Secrets (`clientSecret`, `refreshToken`) are only sent to the accounts server's token endpoint; they never
    /// appear in logs, errors or `description`.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The data center of the organization (its accounts server and API domain).
        public var dataCenter: ZohoDataCenter
        /// Overrides the data center's accounts server (the local simulator: `http://127.0.0.1:port`).
        public var accountsURL: String?
        /// The OAuth client id (`1000.…`) of a Zoho API console "Self Client" or server-based client.
        public var clientID: String
        /// The OAuth client secret.
        public var clientSecret: String
        /// A refresh token for the scopes `ZohoBooks.contacts.*`, `invoices.*`, `customerpayments.READ`,
        /// `settings.READ` (or `ZohoBooks.fullaccess.all`).
        public var refreshToken: String
        /// The Books `organization_id` (digit string), sent on every call.
        public var organizationID: String
        /// `payment_terms` in days given to contacts this client creates (0 = "Due on Receipt").
        public var paymentTermsDays: Int
        /// Requests per minute this client allows itself against the organization (Zoho's limit is 100 per
        /// minute per organization). Used for pacing unless `http.pacing` is set explicitly.
        public var requestsPerMinute: Int
        /// The organization's time zone for the `last_modified_time` filter; `nil` reads `time_zone` from
        /// `GET /organizations` once.
        public var organizationTimeZone: TimeZone?
        /// Timeouts, retries, in-flight cap, pacing and TLS trust of the HTTP layer.
        public var http: HTTPTransport.Configuration
        /// The file where the access token is kept between processes (JSON, mode 0600, no refresh token or client
        /// secret; see `ZohoTokenFile`); nil keeps it in memory only, so each process spends one of the 10 tokens
        /// a refresh token may obtain per 10 minutes.
        public var tokenCachePath: String?

        /// Creates a configuration.
        public init(
            dataCenter: ZohoDataCenter = .us, accountsURL: String? = nil, clientID: String, clientSecret: String,
            refreshToken: String, organizationID: String, paymentTermsDays: Int = 0, requestsPerMinute: Int = 100,
            organizationTimeZone: TimeZone? = nil, http: HTTPTransport.Configuration = .init(),
            tokenCachePath: String? = nil
        ) {
            self.dataCenter = dataCenter
            self.accountsURL = accountsURL
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.refreshToken = refreshToken
            self.organizationID = organizationID
            self.paymentTermsDays = paymentTermsDays
            self.requestsPerMinute = requestsPerMinute
            self.organizationTimeZone = organizationTimeZone
            self.http = http
            self.tokenCachePath = tokenCachePath
        }

        /// The accounts server in use: the override, else the data center's.
        public var effectiveAccountsURL: String { accountsURL ?? dataCenter.accountsURL }

        /// Share of `requestsPerMinute` the client paces itself at. Requests are spaced evenly by their start, but
        /// reach Zoho after varying delays, so a few can arrive closer together than sent; 3 % headroom keeps every
        /// 60-second window under the limit (measured: 500 invoices against a 100-per-6-s limit, zero 429).
        public static let pacingHeadroom = 0.97

        /// The pacing in use: `http.pacing` when set, else 97 % of `requestsPerMinute` per 60 s.
        public var effectivePacing: RequestPacing {
            http.pacing ?? RequestPacing(
                limit: max(Int((Double(requestsPerMinute) * Self.pacingHeadroom).rounded(.down)), 1), window: .seconds(60))
        }

        /// The settings without secrets.
        public var description: String {
            "ZohoBooksClient.Configuration(dataCenter: \(dataCenter.rawValue), accounts: \(effectiveAccountsURL), "
                + "organizationID: \(organizationID), clientID: \(clientID), clientSecret: <redacted>, "
                + "refreshToken: <redacted>, requestsPerMinute: \(requestsPerMinute))"
        }
    }
}
