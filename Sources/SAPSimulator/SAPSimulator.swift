import Foundation
import Hummingbird
import SimulatorKit
import Synchronization

/// A local simulator of SAP S/4HANA's OData V2 APIs `API_BUSINESS_PARTNER`, `API_SALES_ORDER_SRV`,
/// `API_PRODUCT_SRV` and `API_MATERIAL_STOCK_SRV` under `/sap/opu/odata/sap/<SERVICE>/`.
///
/// It serves the real `$metadata` verbatim, answers JSON verbose (`d`, `results`, `__metadata`, `__deferred`,
/// `__count`, `__next`), evaluates `$filter`/`$select`/`$expand`/`$orderby`/`$top`/`$skip`/`$skiptoken`/
/// `$inlinecount`, accepts Basic and OAuth client-credentials (`POST /oauth/token`) authentication, enforces the
/// CSRF handshake with session cookies, validates deep inserts of Business Partners and Sales Orders with SAP's
/// messages, and checks `If-Match` ETags on Sales Orders. State is in memory, seeded from a `SeedDataset`.
public final class SAPSimulator: Sendable {
    /// The fault plan in force (changeable at run time, also via `PUT /_operator/faults`).
    public let faults: FaultInjector
    /// Every answered request with its endpoint label (entity set name, `$metadata`, `oauth.token`, ...).
    public let requestLog: RequestLog
    let configuration: Configuration
    let clock: any SimulatorClock
    let catalog: ServiceCatalog
    let state: Mutex<SAPStore>

    /// Creates a simulator seeded from `seed`: products with `inSAP` (plants, stock buckets, sales-area data),
    /// and the Business Partners of accounts with `existingSAPBusinessPartner`.
    /// - Precondition: the bundled EDMX files parse (they ship with the module).
    public init(configuration: Configuration = Configuration(), seed: SeedDataset, clock: any SimulatorClock) {
        guard case .success(let catalog) = ServiceCatalog.bundled else {
            preconditionFailure("bundled SAP $metadata files are missing or invalid")
        }
        self.configuration = configuration
        self.clock = clock
        self.catalog = catalog
        self.faults = FaultInjector(plan: configuration.faultPlan)
        self.requestLog = RequestLog()
        var store = SAPStore(catalog: catalog)
        store.seed(from: seed, configuration: configuration, now: clock.now())
        self.state = Mutex(store)
    }

    /// The Hummingbird router with request logging, fault injection, the OData services, the token endpoint and
    /// the operator routes (`/_operator/faults`, `/_operator/requests`, `/_operator/sap/...`).
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: requestLog, clock: clock) { request in
            SAPSimulator.endpointLabel(for: request)
        })
        router.add(middleware: FaultMiddleware(injector: faults) { [self] fault, request in
            self.renderFault(fault, for: request)
        })
        let methods: [HTTPRequest.Method] = [.get, .head, .post, .put, .patch, .delete, HTTPRequest.Method("MERGE")!]
        for method in methods {
            router.on("/sap/opu/odata/sap/**", method: method) { [self] request, _ in
                await self.handleOData(request)
            }
        }
        router.post("/oauth/token") { [self] request, _ in
            await self.handleTokenRequest(request)
        }
        addOperatorRoutes(to: router, faults: faults, log: requestLog)
        addSAPOperatorRoutes(to: router)
        return router
    }

    /// Low-cardinality request-log label: the entity set (`A_SalesOrder`), `$metadata`, the service name for the
    /// service root, or `oauth.token`.
    static func endpointLabel(for request: Request) -> String {
        let path = PercentDecoding.decode(request.uri.path)
        if path.hasPrefix("/oauth/token") { return "oauth.token" }
        let prefix = "/sap/opu/odata/sap/"
        guard path.hasPrefix(prefix) else { return "other" }
        let parts = path.dropFirst(prefix.count).split(separator: "/")
        guard parts.count > 1 else { return String(parts.first ?? "root") }
        let segment = parts[1]
        return String(segment.prefix { $0 != "(" })
    }
}
