import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SyncCore
import SyncHTTP

/// The Salesforce REST API client (API v60.0 by default) behind the engine's `SalesforceGateway`.
///
/// Logs in with the OAuth 2.0 JWT bearer flow (token cached; renewed once on 401 `INVALID_SESSION_ID`), reads
/// Opportunities and Product2 with SOQL page by page (`query` / `queryAll`, following `nextRecordsUrl`), writes
/// back through sObject Collections PATCH in batches of 200, and keeps the `Sforce-Limit-Info` API usage.
/// Everything it throws is a `SyncError` with system `.salesforce`.
public final class SalesforceClient: SalesforceGateway {
    /// The configuration the client was created with.
    public let configuration: Configuration
    let transport: HTTPTransport
    let session: SalesforceSession
    let queries: SOQLQueryBuilder
    let decoder: SalesforceRecordDecoder
    let logger: Logger

    /// Creates a client; no request is sent until the first call.
    /// - Parameters:
    ///   - configuration: login, org settings and HTTP settings.
    ///   - httpClient: the shared AsyncHTTPClient (see `makeHTTPClient(configuration:)`), shut down by the caller.
    ///   - logger: where requests are logged (debug, secrets redacted).
    ///   - metrics: the metrics factory; nil uses the bootstrapped one.
    ///   - sleeper: waits for retry back-off (tests pass one that does not sleep).
    ///   - now: the wall clock (UTC) for JWT `exp` and quota times.
    /// - Throws: `SyncError` `.configuration` when the private key is not a usable RSA PEM key.
    public init(
        configuration: Configuration, httpClient: HTTPClient, logger: Logger, metrics: (any MetricsFactory)? = nil,
        sleeper: any Sleeper = TaskSleeper(), now: @escaping @Sendable () -> Date = { Date() }
    ) throws(SyncError) {
        self.configuration = configuration
        self.logger = logger
        let loginTransport = HTTPTransport(
            configuration: configuration.http, vendor: SalesforceLoginVendor(), httpClient: httpClient,
            logger: logger, metrics: metrics, sleeper: sleeper)
        let session = try SalesforceSession(
            configuration: configuration, loginTransport: loginTransport, logger: logger, now: now)
        self.session = session
        self.transport = HTTPTransport(
            configuration: configuration.http, vendor: session, httpClient: httpClient, logger: logger,
            metrics: metrics, sleeper: sleeper)
        self.queries = SOQLQueryBuilder(
            fieldNames: configuration.fieldNames, multiCurrency: configuration.multiCurrency,
            billingCountryCode: configuration.billingCountryCode)
        self.decoder = SalesforceRecordDecoder(fieldNames: configuration.fieldNames)
    }

    /// The REST path prefix, e.g. `/services/data/v60.0`.
    var dataPath: String { "/services/data/v\(configuration.apiVersion)" }

    /// Streams Opportunities (with Account fields, OpportunityLineItems, contact roles and the sync fields) page by
    /// page through SOQL `query` (or `queryAll` when `includeDeleted`), ordered by (`field`, Id); child results
    /// that arrive incomplete are completed through their own `nextRecordsUrl`. Amounts are in the Opportunity's
    /// currency (`CurrencyIsoCode`, or the configured default in single-currency orgs); times are UTC. Values of
    /// `query.ids` that are not Salesforce Ids match no record and are left out, since Salesforce rejects the whole
    /// query for one of them (`INVALID_QUERY_FILTER_OPERATOR` "invalid ID field").
    /// - Throws: `SyncError` `.quotaExhausted`, `.authenticationFailed`, `.malformedRequest` (a configured field the
    ///   org lacks), `.malformedResponse`, the HTTP layer's transport codes, and whatever `body` throws.
    public func forEachOpportunityPage(
        _ query: OpportunityQuery, _ body: @Sendable ([Opportunity]) async throws -> Void
    ) async throws {
        var query = query
        query.ids = query.ids?.filter { SalesforceID.normalized($0) != nil }
        try await forEachQueryPage(queries.opportunities(query), includeDeleted: query.includeDeleted) { rows in
            var opportunities: [Opportunity] = []
            opportunities.reserveCapacity(rows.count)
            for row in rows {
                let complete = try await self.completingChildren(
                    of: row,
                    relationships: [SOQLQueryBuilder.lineItemsRelationship, SOQLQueryBuilder.contactRolesRelationship])
                opportunities.append(try self.decoder.opportunity(complete))
            }
            try await body(opportunities)
        }
    }

    /// Streams every Product2 (Id, ProductCode, Name, stock fields, LastModifiedDate) page by page, ordered by Id;
    /// stock is in the material's base unit of measure.
    /// - Throws: `SyncError` as `forEachOpportunityPage`, and whatever `body` throws.
    public func forEachProduct2Page(_ body: @Sendable ([Product2Record]) async throws -> Void) async throws {
        try await forEachQueryPage(queries.product2(), includeDeleted: false) { rows in
            var products: [Product2Record] = []
            products.reserveCapacity(rows.count)
            for row in rows { products.append(try self.decoder.product2(row)) }
            try await body(products)
        }
    }

    /// The org's `instance_url` from the last token response; `nil` before the first login.
    public func instanceURL() async -> String? {
        session.instanceURL
    }

    /// The API usage from the last `Sforce-Limit-Info: api-usage=used/limit` header (rolling 24 h; no reset time).
    public func quota() async -> QuotaSnapshot? {
        session.quota
    }
}
