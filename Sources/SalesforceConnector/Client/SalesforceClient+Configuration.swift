import Foundation
import SyncCore
import SyncHTTP

extension SalesforceClient {
    /// Where and as whom the client connects, and how the org is set up.
    public struct Configuration: Sendable, CustomStringConvertible {
        /// The OAuth login host: `https://login.salesforce.com` (production), `https://test.salesforce.com`
        /// (sandbox) or a My Domain URL. The token request goes to `{loginURL}/services/oauth2/token`.
        public var loginURL: String
        /// The JWT `aud` claim; `nil` uses `loginURL` (set `https://login.salesforce.com` when `loginURL` is a
        /// My Domain host).
        public var audience: String?
        /// The connected app's consumer key (JWT `iss`).
        public var clientID: String
        /// The Salesforce username to act as (JWT `sub`).
        public var username: String
        /// The connected app certificate's RSA private key, PEM text (never logged).
        public var privateKeyPEM: String
        /// The REST API version, e.g. `"60.0"` (paths `/services/data/v60.0/...`).
        public var apiVersion: String
        /// The org has multi-currency on: `CurrencyIsoCode` is selected on Opportunities.
        public var multiCurrency: Bool
        /// The org's corporate currency (ISO 4217): the currency of amounts in single-currency orgs, where
        /// `Opportunity.currencyIsoCode` is `nil` (applied by the engine).
        public var defaultCurrency: String
        /// The org has state and country picklists: `Account.BillingCountryCode` is selected.
        public var billingCountryCode: Bool
        /// The custom field API names.
        public var fieldNames: SalesforceFieldNames
        /// Rows per query page asked for with `Sforce-Query-Options: batchSize` (200...2000; the server may send
        /// fewer).
        public var queryBatchSize: Int
        /// Timeouts, retries, concurrency and TLS of the HTTP layer.
        public var http: HTTPTransport.Configuration

        /// Creates a configuration; see each property.
        public init(
            loginURL: String = "https://login.salesforce.com", audience: String? = nil, clientID: String,
            username: String, privateKeyPEM: String, apiVersion: String = "60.0", multiCurrency: Bool = false,
            defaultCurrency: String = "USD", billingCountryCode: Bool = true,
            fieldNames: SalesforceFieldNames = SalesforceFieldNames(), queryBatchSize: Int = 2000,
            http: HTTPTransport.Configuration = HTTPTransport.Configuration()
        ) {
            self.loginURL = loginURL
            self.audience = audience
            self.clientID = clientID
            self.username = username
            self.privateKeyPEM = privateKeyPEM
            self.apiVersion = apiVersion
            self.multiCurrency = multiCurrency
            self.defaultCurrency = defaultCurrency
            self.billingCountryCode = billingCountryCode
            self.fieldNames = fieldNames
            self.queryBatchSize = queryBatchSize
            self.http = http
        }

        /// Creates a configuration reading the private key PEM from a file (`SF_PRIVATE_KEY_PATH`).
        /// - Throws: `SyncError` `.configuration` when the file cannot be read (the path is named, the content never).
        public init(
            loginURL: String = "https://login.salesforce.com", audience: String? = nil, clientID: String,
            username: String, privateKeyPath: String, apiVersion: String = "60.0", multiCurrency: Bool = false,
            defaultCurrency: String = "USD", billingCountryCode: Bool = true,
            fieldNames: SalesforceFieldNames = SalesforceFieldNames(), queryBatchSize: Int = 2000,
            http: HTTPTransport.Configuration = HTTPTransport.Configuration()
        ) throws(SyncError) {
            let pem: String
            do {
                pem = try String(contentsOfFile: privateKeyPath, encoding: .utf8)
            } catch {
                throw SyncError(
                    code: .configuration, system: .configuration,
                    message: "Cannot read the Salesforce private key file \(privateKeyPath) (SF_PRIVATE_KEY_PATH)")
            }
            self.init(
                loginURL: loginURL, audience: audience, clientID: clientID, username: username, privateKeyPEM: pem,
                apiVersion: apiVersion, multiCurrency: multiCurrency, defaultCurrency: defaultCurrency,
                billingCountryCode: billingCountryCode, fieldNames: fieldNames, queryBatchSize: queryBatchSize,
                http: http)
        }

        /// The settings without the private key.
        public var description: String {
            "SalesforceClient.Configuration(loginURL: \(loginURL), clientID: \(clientID), username: \(username), "
                + "privateKeyPEM: <redacted>, apiVersion: \(apiVersion), multiCurrency: \(multiCurrency))"
        }
    }
}
