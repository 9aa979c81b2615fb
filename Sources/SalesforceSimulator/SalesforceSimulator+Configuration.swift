import Foundation

extension SalesforceSimulator {
    /// Credentials and knobs of the simulated org.
    ///
    /// Default sandbox credentials: consumer key (JWT `iss`) `3MVG9CRMSyncSandboxConsumerKey`, username (JWT `sub`)
    /// `integration@crmsync.sandbox`, certificate `SalesforceSandboxCredentials.certificatePEM` (sign assertions
    /// with `SalesforceSandboxCredentials.privateKeyPEM`).
    public struct Configuration: Sendable {
        /// Connected app consumer key; the JWT `iss` must equal it (else `invalid_client_id`).
        public var clientId: String
        /// The integration user's username; the JWT `sub` (or legacy `prn`) must equal it.
        public var username: String
        /// X.509 certificate (PEM) whose RSA key verifies the RS256 assertions.
        public var certificatePEM: String
        /// Accepted JWT `aud` values besides the simulator's own base URL (`http(s)://<Host>`).
        public var acceptedAudiences: [String]
        /// Access token lifetime in seconds (the org session timeout; Salesforce's common default is 2 hours).
        public var sessionLifetimeSeconds: Double
        /// Maximum seconds between now and the assertion's `exp` ("within 3 minutes").
        public var assertionMaxLifetimeSeconds: Double
        /// Tolerance on that limit for clocks and rounding (`exp` = now + 3 min rounded to the nearest second, as
        /// simple-salesforce sends it, can be up to 0.5 s beyond). Salesforce does not publish its tolerance, so
        /// this is configurable; default 5 s.
        public var assertionClockSkewSeconds: Double
        /// Daily API request allowance (rolling 24 h), reported in `Sforce-Limit-Info` and enforced with 403
        /// `REQUEST_LIMIT_EXCEEDED`.
        public var dailyApiRequestLimit: Int
        /// Default and maximum query page size (records per page; `Sforce-Query-Options: batchSize` 200…2000).
        public var queryBatchSize: Int
        /// Probability per write request (0…1) of `UNABLE_TO_LOCK_ROW`, drawn from `lockRowSeed`.
        public var lockRowRate: Double
        /// Seed of the lock-row draws and of generated tokens.
        public var lockRowSeed: UInt64
        /// Serve absolute URLs (`instance_url`, identity URL) with `https`.
        public var usesTLS: Bool
        /// 18-character Organization Id (`00D…`) used in tokens and the identity URL.
        public var organizationId: String
        /// 18-character User Id (`005…`) of the integration user.
        public var userId: String

        public init(
            clientId: String = "3MVG9CRMSyncSandboxConsumerKey",
            username: String = "integration@crmsync.sandbox",
            certificatePEM: String = SalesforceSandboxCredentials.certificatePEM,
            acceptedAudiences: [String] = ["https://login.salesforce.com", "https://test.salesforce.com"],
            sessionLifetimeSeconds: Double = 7200,
            assertionMaxLifetimeSeconds: Double = 180, assertionClockSkewSeconds: Double = 5,
            dailyApiRequestLimit: Int = 100_000,
            queryBatchSize: Int = 2000,
            lockRowRate: Double = 0,
            lockRowSeed: UInt64 = 1,
            usesTLS: Bool = false,
            organizationId: String = "00D7Q000004SimAUAS",
            userId: String = "0057Q000001SimAQAS"
        ) {
            self.clientId = clientId
            self.username = username
            self.certificatePEM = certificatePEM
            self.acceptedAudiences = acceptedAudiences
            self.sessionLifetimeSeconds = sessionLifetimeSeconds
            self.assertionMaxLifetimeSeconds = assertionMaxLifetimeSeconds
            self.assertionClockSkewSeconds = assertionClockSkewSeconds
            self.dailyApiRequestLimit = dailyApiRequestLimit
            self.queryBatchSize = queryBatchSize
            self.lockRowRate = lockRowRate
            self.lockRowSeed = lockRowSeed
            self.usesTLS = usesTLS
            self.organizationId = organizationId
            self.userId = userId
        }
    }
}
