import Foundation
import SyncHTTP

extension SAPClient {
    /// How `SAPClient` reaches one S/4HANA system.
    ///
    /// `baseURL` is the host root (`https://my123456-api.s4hana.cloud.sap`, or `http://127.0.0.1:PORT` for the
    /// simulator — what `SAP_BASE_URL` holds); the client appends `servicePath` (`/sap/opu/odata/sap`) and the
    /// service name (`API_BUSINESS_PARTNER`, `API_SALES_ORDER_SRV`, `API_PRODUCT_SRV`, `API_MATERIAL_STOCK_SRV`).
    /// A `baseURL` that already ends in `servicePath` is accepted as well. Source: `reference/sap.md` §1.
    public struct Configuration: Sendable {
        /// How requests are authenticated.
        public enum Authentication: Sendable {
            /// HTTP Basic (on-premise, or an S/4HANA Cloud communication user). The password is a secret.
            case basic(username: String, password: String)
            /// OAuth 2.0 client credentials (BTP XSUAA): `POST tokenURL` with `grant_type=client_credentials`,
            /// client id and secret as HTTP Basic; the access token is sent as `Authorization: Bearer`.
            /// The client secret and the token are secrets.
            case oauthClientCredentials(tokenURL: String, clientID: String, clientSecret: String)
        }

        /// The host root, e.g. `https://my123456-api.s4hana.cloud.sap` (no service path).
        public var baseURL: String
        /// The OData V2 service root path under the host (`/sap/opu/odata/sap`).
        public var servicePath: String
        /// Basic or OAuth client credentials.
        public var authentication: Authentication
        /// `sap-client` query parameter (3 digits) for on-premise systems; `nil` uses the system's default client.
        public var sapClient: String?
        /// Rows per page (`$top`) for paged reads (1000).
        public var pageSize: Int
        /// Logon language sent as `Accept-Language`, and the default address/correspondence language ("EN").
        public var language: String
        /// `CompanyCode` for the customer's company code data (`to_Customer/to_CustomerCompany`), e.g. "1010".
        public var companyCode: String
        /// `ReconciliationAccount` of the customer's company code data, when the tenant requires one.
        public var reconciliationAccount: String?
        /// Timeouts, retries, TLS and in-flight cap of the HTTP layer.
        public var http: HTTPTransport.Configuration

        /// Creates a configuration; everything but the base URL and authentication has a default.
        public init(
            baseURL: String, servicePath: String = "/sap/opu/odata/sap", authentication: Authentication,
            sapClient: String? = nil, pageSize: Int = 1000, language: String = "EN", companyCode: String = "1010",
            reconciliationAccount: String? = nil, http: HTTPTransport.Configuration = HTTPTransport.Configuration()
        ) {
            self.baseURL = baseURL
            self.servicePath = servicePath
            self.authentication = authentication
            self.sapClient = sapClient
            self.pageSize = pageSize
            self.language = language
            self.companyCode = companyCode
            self.reconciliationAccount = reconciliationAccount
            self.http = http
        }

        /// `scheme://host[:port]` followed by the service path, without a trailing slash.
        var odataRoot: String {
            var root = baseURL
            while root.hasSuffix("/") { root.removeLast() }
            let path = servicePath.hasPrefix("/") ? servicePath : "/" + servicePath
            return root.hasSuffix(path) ? root : root + path
        }

        /// The service root of one OData service, e.g. `…/sap/opu/odata/sap/API_SALES_ORDER_SRV`.
        func serviceRoot(_ service: SAPService) -> String {
            odataRoot + "/" + service.rawValue
        }
    }
}

/// The four OData V2 services CRMSync uses.
enum SAPService: String, Sendable, CaseIterable {
    case businessPartner = "API_BUSINESS_PARTNER"
    case salesOrder = "API_SALES_ORDER_SRV"
    case product = "API_PRODUCT_SRV"
    case materialStock = "API_MATERIAL_STOCK_SRV"
}
