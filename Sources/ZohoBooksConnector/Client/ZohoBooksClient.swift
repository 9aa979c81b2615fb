import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import NIOHTTP1
import SyncCore
import SyncHTTP

/// The Zoho Books API v3 client behind `ZohoBooksGateway`: contacts, invoices and customer payments of one
/// organization.
///
/// Every call goes to `{api_domain}/books/v3/…` (the `api_domain` of the token response) with
/// `Authorization: Zoho-oauthtoken …` and `organization_id`, through one `HTTPTransport` that paces requests under
/// `Configuration.requestsPerMinute` (Zoho allows 100 per minute per organization) and adjusts from the
/// `X-Rate-Limit-*` headers, retries retryable failures (3 attempts; the back-off cap is raised to at least 60 s so
/// a code 44 block is waited out) and refreshes the token once on code 57/14.
/// The envelope `code` of every response is checked (see `ZohoResponseClassifier` for the code → `SyncError` map).
/// Ids stay digit strings, money is `Decimal` in the record's `currency_code`, timestamps are UTC instants.
public final class ZohoBooksClient: ZohoBooksGateway {
    /// Page size of every list call (Zoho's maximum, Books API "Pagination").
    static let pageSize = 200

    let configuration: Configuration
    let transport: HTTPTransport
    let tokens: ZohoTokenProvider
    let quotaTracker = ZohoQuotaTracker()
    let settings = ZohoOrganizationSettings()
    let logger: Logger

    /// Creates a client; no request is sent until the first call.
    /// - Parameters:
    ///   - configuration: data center, credentials, organization and HTTP settings.
    ///   - httpClient: the shared client (see `makeHTTPClient(configuration:)`), shut down by the caller.
    ///   - logger: where requests are logged (debug, secrets redacted).
    ///   - metrics: the metrics factory; nil uses the bootstrapped `MetricsSystem.factory`.
    public convenience init(
        configuration: Configuration, httpClient: HTTPClient, logger: Logger, metrics: (any MetricsFactory)? = nil
    ) {
        self.init(
            configuration: configuration, httpClient: httpClient, logger: logger, metrics: metrics,
            sleeper: TaskSleeper(), now: { Date() })
    }

    /// Creates a client whose back-off and pacing waits go through `sleeper` and whose wall clock (token expiry,
    /// quota stamps) is `now` (tests).
    init(
        configuration: Configuration, httpClient: HTTPClient, logger: Logger, metrics: (any MetricsFactory)?,
        sleeper: any Sleeper, now: @escaping @Sendable () -> Date
    ) {
        self.configuration = configuration
        self.logger = logger
        var accountsHTTP = configuration.http
        accountsHTTP.pacing = nil
        let accountsTransport = HTTPTransport(
            configuration: accountsHTTP, vendor: ZohoAccountsVendor(), httpClient: httpClient, logger: logger,
            metrics: metrics, sleeper: sleeper)
        tokens = ZohoTokenProvider(
            accountsURL: configuration.effectiveAccountsURL, clientID: configuration.clientID,
            clientSecret: configuration.clientSecret, refreshToken: configuration.refreshToken,
            fallbackBooksBaseURL: configuration.dataCenter.booksBaseURL, transport: accountsTransport,
            tokenCachePath: configuration.tokenCachePath, logger: logger, now: now)
        let pacer = RequestPacer(pacing: configuration.effectivePacing, sleeper: sleeper)
        let vendor = ZohoBooksVendor(tokens: tokens, quota: quotaTracker, pacer: pacer, now: now)
        var booksHTTP = configuration.http
        booksHTTP.retryPolicy.maxDelay = max(
            booksHTTP.retryPolicy.maxDelay, .seconds(ZohoResponseClassifier.perMinuteBlockSeconds))
        transport = HTTPTransport(
            configuration: booksHTTP, vendor: vendor, httpClient: httpClient, logger: logger,
            metrics: metrics, sleeper: sleeper, pacer: pacer)
    }

    /// The last daily quota Zoho reported (`X-Rate-Limit-Limit` = limit, `Limit − Remaining` = used,
    /// `X-Rate-Limit-Reset` seconds → `resetsAt`, UTC); `nil` before the first response.
    public func quota() async -> QuotaSnapshot? {
        await quotaTracker.current()
    }

    // MARK: Requests

    /// Sends one Books API call: `{books base}{path}?organization_id=…&query…` (every name and value
    /// percent-encoded by `makeQueryString`, so a `+` travels as `%2B`), JSON body when given.
    /// - Throws: `SyncError` per `ZohoResponseClassifier` and the transport.
    func send(
        _ method: HTTPMethod, _ path: String, query: [(String, String)] = [], body: Data? = nil,
        endpoint: String, includeOrganization: Bool = true
    ) async throws -> HTTPResponseData {
        let base = try await tokens.current().booksBaseURL
        let items = (includeOrganization ? [("organization_id", configuration.organizationID)] : []) + query
        let url = base + path + (items.isEmpty ? "" : "?" + makeQueryString(items))
        var headers = HTTPHeaders()
        headers.add(name: "Accept", value: "application/json")
        if body != nil { headers.add(name: "Content-Type", value: "application/json;charset=UTF-8") }
        return try await transport.execute(
            HTTPRequestSpec(method: method, url: url, headers: headers, body: body, endpoint: endpoint))
    }

    /// Reads a list page by page (`page`, `per_page=200`, `page_context.has_more_page`), handing each page's rows
    /// to `body`, which returns false to stop early.
    /// - Throws: `SyncError` from the calls and decoding, or what `body` throws.
    func forEachPage<Row: Decodable>(
        _ path: String, query: [(String, String)], resourceKey: String, as type: Row.Type, endpoint: String,
        _ body: ([Row]) async throws -> Bool
    ) async throws {
        var page = 1
        while true {
            let pageQuery = query + [("page", String(page)), ("per_page", String(Self.pageSize))]
            let response = try await send(.GET, path, query: pageQuery, endpoint: endpoint)
            let result = try ZohoJSON.decodePage(Row.self, from: response.body, resourceKey: resourceKey)
            guard try await body(result.rows), result.hasMorePage else { return }
            page += 1
        }
    }

    /// One path segment from an id (percent-encoded, so an id can never change the path).
    static func segment(_ id: String) -> String {
        percentEncodeQueryValue(id)
    }
}
