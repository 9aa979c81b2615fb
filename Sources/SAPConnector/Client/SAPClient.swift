import AsyncHTTPClient
import Foundation
import Logging
import Metrics
import SyncCore
import SyncHTTP

/// The SAP S/4HANA client (OData V2: API_BUSINESS_PARTNER, API_SALES_ORDER_SRV, API_PRODUCT_SRV,
/// API_MATERIAL_STOCK_SRV) implementing ``SAPGateway`` over SyncHTTP's ``HTTPTransport``.
///
/// Authentication is Basic or OAuth 2.0 client credentials (token cached, refreshed 60 s before `expires_in` and
/// after a 401); modifying requests carry the CSRF token fetched lazily with its session cookies and renewed once
/// on `403 x-csrf-token: Required`. Reads are paged with `$top`/`$skip`/`$inlinecount` and follow `__next`.
/// Errors are `SyncError` with system `.sap` (see ``SAPResponseClassifier`` for the mapping).
///
/// ```swift
/// let sap = SAPClient(
///     configuration: .init(baseURL: "http://127.0.0.1:8082", authentication: .basic(username: "U", password: "P")),
///     httpClient: client, logger: logger)
/// let partner = try await sap.findBusinessPartner(externalReference: "001Aa00000AbCdEIAV")
/// ```
public final class SAPClient: SAPGateway {
    let configuration: Configuration
    let transport: HTTPTransport
    let logger: Logger

    /// Creates the client; no request is sent until the first call.
    /// - Parameters:
    ///   - configuration: host, credentials, `sap-client`, page size, company code, HTTP settings.
    ///   - httpClient: the shared AsyncHTTPClient (see SyncHTTP `makeHTTPClient`); the caller shuts it down.
    ///   - logger: the logger; secrets are never logged.
    ///   - metrics: the metrics factory for the transport's counters (the global one when `nil`).
    ///   - sleeper: waits between retries (tests inject a recording sleeper).
    ///   - now: the wall clock (UTC) used for OAuth token expiry.
    public init(
        configuration: Configuration, httpClient: HTTPClient, logger: Logger, metrics: (any MetricsFactory)? = nil,
        sleeper: any Sleeper = TaskSleeper(), now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.logger = logger
        let raw = HTTPTransport(
            configuration: configuration.http, vendor: SAPTokenEndpointVendor(), httpClient: httpClient,
            logger: logger, metrics: metrics, sleeper: sleeper)
        let vendor = SAPVendor(configuration: configuration, logger: logger, now: now) { request in
            try await raw.executeRaw(request)
        }
        self.transport = HTTPTransport(
            configuration: configuration.http, vendor: vendor, httpClient: httpClient, logger: logger,
            metrics: metrics, sleeper: sleeper)
    }

    /// `&sap-client=NNN` (or with `?`) when a client is configured, else `""`.
    static func sapClientSuffix(_ sapClient: String?, separator: Character) -> String {
        guard let sapClient, !sapClient.isEmpty else { return "" }
        return "\(separator)sap-client=\(percentEncodeQueryValue(sapClient))"
    }
}

/// The vendor of the transport that only sends the OAuth token and CSRF fetch requests through `executeRaw`
/// (no authorization, no classification: ``SAPVendor`` reads those answers itself).
struct SAPTokenEndpointVendor: VendorProtocol {
    var system: SyncSystem { .sap }
    func authorize(_ request: inout HTTPRequestSpec) async throws {}
    func refresh() async throws {}
    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition { .success }
}
