import Foundation
import SimulatorKit

extension SAPSimulator {
    /// Credentials and knobs of the simulated S/4HANA system.
    ///
    /// Sandbox defaults: Basic user `CRMSYNC_COMM` / password `sandbox-sap-password` (on-premise style);
    /// OAuth client `sb-crmsync!t1010` / secret `sandbox-sap-client-secret` for `POST /oauth/token`
    /// (BTP/XSUAA style); system `S4H`, client `100`; sales area 1010/10/00, company code 1010, order type `OR`.
    public struct Configuration: Sendable {
        /// Communication user for HTTP Basic.
        public var user: String
        /// Its password.
        public var password: String
        /// OAuth client id accepted by the token endpoint.
        public var oauthClientID: String
        /// OAuth client secret.
        public var oauthClientSecret: String
        /// Access-token lifetime in seconds; the token response says `expires_in` = lifetime − 1 (43199 by default).
        public var accessTokenLifetimeSeconds: Int
        /// CSRF token idle lifetime in seconds (security session timeout; sap.md §4: ~30 min).
        public var csrfTokenLifetimeSeconds: Double
        /// System id used in cookie names (`SAP_SESSIONID_<SID>_<client>`).
        public var systemID: String
        /// SAP client (`sap-client`), used in cookie names.
        public var client: String
        /// Sales organization of the seeded sales area (customers and materials are maintained for it).
        public var salesOrganization: String
        /// Distribution channel of the seeded sales area.
        public var distributionChannel: String
        /// Division of the seeded sales area.
        public var division: String
        /// Company code for seeded customers.
        public var companyCode: String
        /// Sales document types accepted on create.
        public var salesOrderTypes: [String]
        /// Rows per page when the request has no `$top` (then `__next` is written); nil: no server paging.
        public var defaultPageSize: Int?
        /// Server page cap applied even when `$top` is larger (then `__next` is written); nil: no cap.
        public var maxPageSize: Int?
        /// Default delay in seconds before an operator product change becomes readable (commit lag); 0: at once.
        public var productCommitLagSeconds: Double
        /// Build absolute URLs with `https` (set when served with TLS).
        public var usesTLS: Bool
        /// The fault plan at start (changeable later through `faults`).
        public var faultPlan: FaultPlan

        /// Creates a configuration; every value has the sandbox default listed on the type.
        public init(
            user: String = "CRMSYNC_COMM", password: String = "sandbox-sap-password",
            oauthClientID: String = "sb-crmsync!t1010", oauthClientSecret: String = "sandbox-sap-client-secret",
            accessTokenLifetimeSeconds: Int = 43_200, csrfTokenLifetimeSeconds: Double = 1_800,
            systemID: String = "S4H", client: String = "100", salesOrganization: String = "1010",
            distributionChannel: String = "10", division: String = "00", companyCode: String = "1010",
            salesOrderTypes: [String] = ["OR"], defaultPageSize: Int? = 100, maxPageSize: Int? = nil,
            productCommitLagSeconds: Double = 0, usesTLS: Bool = false, faultPlan: FaultPlan = .none
        ) {
            self.user = user
            self.password = password
            self.oauthClientID = oauthClientID
            self.oauthClientSecret = oauthClientSecret
            self.accessTokenLifetimeSeconds = accessTokenLifetimeSeconds
            self.csrfTokenLifetimeSeconds = csrfTokenLifetimeSeconds
            self.systemID = systemID
            self.client = client
            self.salesOrganization = salesOrganization
            self.distributionChannel = distributionChannel
            self.division = division
            self.companyCode = companyCode
            self.salesOrderTypes = salesOrderTypes
            self.defaultPageSize = defaultPageSize
            self.maxPageSize = maxPageSize
            self.productCommitLagSeconds = productCommitLagSeconds
            self.usesTLS = usesTLS
            self.faultPlan = faultPlan
        }

        /// Name of the session cookie, e.g. `SAP_SESSIONID_S4H_100`.
        var sessionCookieName: String { "SAP_SESSIONID_\(systemID)_\(client)" }
        /// Name of the XSRF cookie, e.g. `sap-XSRF_S4H_100`.
        var xsrfCookieName: String { "sap-XSRF_\(systemID)_\(client)" }
    }
}
