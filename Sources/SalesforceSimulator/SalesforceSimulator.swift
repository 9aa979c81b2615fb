import Foundation
import Hummingbird
import JWTKit
import SimulatorKit
import Synchronization

/// A local simulator of the Salesforce REST API (v60.0 paths; any known `vXX.X` accepted) for one org.
///
/// Serves the OAuth 2.0 JWT bearer token endpoint, SOQL `query`/`queryAll` with paging locators, sObject
/// GET/POST/PATCH/DELETE, sObject Collections, `updated`/`deleted` replication, with Salesforce's error arrays,
/// `Sforce-Limit-Info` and an enforced daily API allowance. State lives in memory, seeded from a `SeedDataset`;
/// the operator API acts as the org's users do, stamping `LastModifiedDate`/`SystemModstamp` from the injected
/// clock (UTC, whole seconds).
public final class SalesforceSimulator: Sendable {
    /// The org's configuration (credentials and knobs).
    public let configuration: Configuration
    /// Fault plan applied to every request outside `/_operator`.
    public let faults: FaultInjector
    /// Every answered request, with an endpoint label such as `query` or `sobjects.Opportunity`.
    public let requestLog: RequestLog
    let clock: any SimulatorClock
    let state: Mutex<OrgState>
    let seedIndex: [String: String]
    /// Draws of the lock-row knob (separate from the fault injector's sequence).
    let lockRowDraws: Mutex<SeededGenerator>
    let verificationKey: Insecure.RSA.PublicKey?

    /// Creates the org from `seed`.
    /// - Parameters:
    ///   - configuration: credentials and knobs.
    ///   - seed: business data; Ids are assigned deterministically in dataset order.
    ///   - clock: source of every timestamp (UTC).
    public init(configuration: Configuration = Configuration(), seed: SeedDataset, clock: any SimulatorClock) {
        self.configuration = configuration
        self.clock = clock
        faults = FaultInjector()
        requestLog = RequestLog()
        var org = OrgState(
            schema: Schema(multiCurrency: seed.organization.multiCurrency),
            multiCurrency: seed.organization.multiCurrency, defaultCurrency: seed.organization.defaultCurrency,
            seed: configuration.lockRowSeed)
        seedIndex = org.load(seed, now: clock.now())
        state = Mutex(org)
        lockRowDraws = Mutex(SeededGenerator(seed: configuration.lockRowSeed ^ 0x5EED))
        verificationKey = try? Insecure.RSA.PublicKey(certificatePEM: configuration.certificatePEM)
    }

    /// Runs `body` on the org state after making due commit-lagged writes visible.
    func withOrg<Result: Sendable, Failure: Error>(
        _ body: (inout OrgState) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let now = clock.now()
        return try state.withLock { (org: inout OrgState) throws(Failure) -> Result in
            org.promotePending(now: now)
            return try body(&org)
        }
    }

    /// The current instant truncated to whole seconds (Salesforce's stamp precision).
    var stampNow: Date { SalesforceDateFormat.wholeSeconds(clock.now()) }

    /// True when this write request draws `UNABLE_TO_LOCK_ROW` (the `lockRowRate` knob).
    func drawsLockRow() -> Bool {
        guard configuration.lockRowRate > 0 else { return false }
        return lockRowDraws.withLock { $0.nextUnit() < configuration.lockRowRate }
    }

    /// A router serving the REST API, the token endpoint and the operator API (`/_operator/...`), with the
    /// request log, fault middleware and the kit's operator routes installed.
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: requestLog, clock: clock, endpoint: Self.endpointLabel))
        router.add(middleware: FaultMiddleware(injector: faults) { [self] fault, request in
            self.renderFault(fault, for: request)
        })
        addOperatorRoutes(to: router, faults: faults, log: requestLog)
        addSalesforceOperatorRoutes(to: router)
        router.post("/services/oauth2/token") { [self] request, _ in
            await self.handleToken(request)
        }
        for method in [HTTPRequest.Method.get, .post, .patch, .delete, .put] {
            router.on("/services/data/**", method: method) { [self] request, _ in
                await self.handleREST(request)
            }
            router.on("/services/data", method: method) { [self] request, _ in
                await self.handleREST(request)
            }
        }
        return router
    }

    /// A low-cardinality label for the request log: `oauth.token`, `query`, `queryAll`, `queryMore`,
    /// `sobjects.<Type>`, `sobjects.<Type>.updated`, `sobjects.<Type>.deleted`, `composite.sobjects`, `other`.
    static func endpointLabel(_ request: Request) -> String {
        let parts = request.uri.path.split(separator: "/").map(String.init)
        if parts.starts(with: ["services", "oauth2"]) { return "oauth.\(parts.last ?? "")" }
        guard parts.count >= 4, parts[0] == "services", parts[1] == "data" else { return "other" }
        switch parts[3] {
        case "query", "queryAll":
            return parts.count > 4 ? "queryMore" : parts[3]
        case "sobjects":
            guard parts.count > 4 else { return "sobjects" }
            if parts.count > 5, parts[5] == "updated" || parts[5] == "deleted" { return "sobjects.\(parts[4]).\(parts[5])" }
            return "sobjects.\(parts[4])"
        case "composite":
            return parts.count > 4 ? "composite.\(parts[4])" : "composite"
        default:
            return parts[3]
        }
    }
}
