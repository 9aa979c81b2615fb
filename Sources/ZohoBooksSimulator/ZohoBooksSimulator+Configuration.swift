import Foundation
import SimulatorKit

extension ZohoBooksSimulator {
    /// Credentials and knobs of the Zoho Books simulator.
    ///
    /// Default sandbox credentials: client id `1000.CRMSYNCSANDBOX0000000000000000`, client secret
    /// `crmsync-sandbox-zoho-client-secret`, refresh token
    /// `1000.crmsyncsandbox0refresh0token000.00000000000000000000000000000000`. Limits default to the documented
    /// Zoho Books values (zoho.md §2, §5): 100 requests per 60 s per organization, 1000 calls per day (Free plan),
    /// 10 concurrent calls, 10 access tokens per refresh token per 600 s, tokens valid 3600 s.
    public struct Configuration: Sendable {
        /// Accepted `client_id`.
        public var clientID: String
        /// Accepted `client_secret`.
        public var clientSecret: String
        /// Refresh tokens that may be exchanged for access tokens.
        public var refreshTokens: [String]
        /// `expires_in` of access tokens, in seconds.
        public var accessTokenLifetimeSeconds: Int
        /// Access tokens one refresh token may obtain per `tokenWindowSeconds` before "Access Denied".
        public var accessTokensPerWindow: Int
        /// Length of the token-issuing window, in seconds.
        public var tokenWindowSeconds: Double
        /// HTTP status of the "Access Denied" throttle body: 400 as recorded, or 200 as Zoho's Kaizen #43 says.
        public var tokenThrottleStatus: Int
        /// Active access tokens kept per refresh token; beyond it the oldest is deleted.
        public var maxActiveTokensPerRefreshToken: Int
        /// Requests per organization per `rateWindowSeconds` before 429 code 44.
        public var requestsPerWindow: Int
        /// Length of the per-organization rate window, in seconds (60 as documented; e.g. 6 for benchmarks).
        public var rateWindowSeconds: Double
        /// API calls per organization per day (org time zone) before 429 code 45; sent as `X-Rate-Limit-Limit`.
        public var dailyRequestLimit: Int
        /// Requests of the organization in flight at once before 429 code 1070.
        public var concurrencyLimit: Int
        /// Largest accepted `per_page` (larger values are capped).
        public var maxPerPage: Int
        /// Absolute URLs (`api_domain`) use `https` (the suite serves TLS).
        public var usesTLS: Bool
        /// First digits of every generated 18-digit id (6 digits).
        public var idPrefix: String
        /// The fault plan in force at start.
        public var faultPlan: FaultPlan

        /// Creates a configuration; every argument defaults to the sandbox value described above.
        public init(
            clientID: String = "1000.CRMSYNCSANDBOX0000000000000000",
            clientSecret: String = "crmsync-sandbox-zoho-client-secret",
            refreshTokens: [String] = ["1000.crmsyncsandbox0refresh0token000.00000000000000000000000000000000"],
            accessTokenLifetimeSeconds: Int = 3600,
            accessTokensPerWindow: Int = 10,
            tokenWindowSeconds: Double = 600,
            tokenThrottleStatus: Int = 400,
            maxActiveTokensPerRefreshToken: Int = 30,
            requestsPerWindow: Int = 100,
            rateWindowSeconds: Double = 60,
            dailyRequestLimit: Int = 1000,
            concurrencyLimit: Int = 10,
            maxPerPage: Int = 200,
            usesTLS: Bool = false,
            idPrefix: String = "460815",
            faultPlan: FaultPlan = .none
        ) {
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.refreshTokens = refreshTokens
            self.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds
            self.accessTokensPerWindow = accessTokensPerWindow
            self.tokenWindowSeconds = tokenWindowSeconds
            self.tokenThrottleStatus = tokenThrottleStatus
            self.maxActiveTokensPerRefreshToken = maxActiveTokensPerRefreshToken
            self.requestsPerWindow = requestsPerWindow
            self.rateWindowSeconds = rateWindowSeconds
            self.dailyRequestLimit = dailyRequestLimit
            self.concurrencyLimit = concurrencyLimit
            self.maxPerPage = maxPerPage
            self.usesTLS = usesTLS
            self.idPrefix = idPrefix
            self.faultPlan = faultPlan
        }
    }
}
