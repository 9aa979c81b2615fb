import Foundation
import Hummingbird
import SimulatorKit
import Synchronization

/// A local simulator of the Zoho Books API v3 and of Zoho Accounts' token endpoint, serving both from one server.
///
/// Behaviour follows the public API (`shared/reference/zoho.md`): `POST /oauth/v2/token` (refresh-token grant,
/// HTTP-200 error bodies, 10 tokens per refresh token per 10 minutes), `Authorization: Zoho-oauthtoken`,
/// `organization_id` on every call, contacts, invoices (email, sent, void), customer payments, the
/// `{code, message}` envelope, 18-digit string ids, org-time-zone timestamps, paging, and the per-minute, daily
/// and concurrency limits with `X-Rate-Limit-*` headers. State lives in memory, seeded from a `SeedDataset`;
/// time comes from the injected clock. The operator API (`ZohoBooksSimulator+Operator.swift`, routes under
/// `/_operator/zoho/`) acts as Zoho users do.
public final class ZohoBooksSimulator: Sendable {
    /// The configuration the simulator was created with.
    public let configuration: Configuration
    /// The fault plan in force (changeable at run time, also via `PUT /_operator/faults`).
    public let faults: FaultInjector
    /// Every API and token request answered (not operator calls).
    public let requestLog: RequestLog
    let clock: any SimulatorClock
    let state: Mutex<ZohoBooksState>

    /// Creates a simulator holding the organization, currencies and pre-existing contacts of `seed`.
    public init(configuration: Configuration = Configuration(), seed: SeedDataset, clock: any SimulatorClock) {
        self.configuration = configuration
        self.clock = clock
        faults = FaultInjector(plan: configuration.faultPlan)
        requestLog = RequestLog()
        state = Mutex(ZohoBooksState(seed: seed, configuration: configuration, now: clock.now()))
    }

    /// The Zoho Books `organization_id` the simulator serves.
    public var organizationID: String { state.withLock { $0.organizationID } }

    /// A router serving the token endpoint, `/books/v3/...`, and the operator routes, with request logging and
    /// fault injection installed.
    public func buildRouter() -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestLogMiddleware(log: requestLog, clock: clock, endpoint: ZohoHTTP.endpoint))
        router.add(middleware: FaultMiddleware(injector: faults) { [self] fault, request in
            renderFault(fault, request: request)
        })
        addOperatorRoutes(to: router, faults: faults, log: requestLog)
        addOperatorZohoRoutes(to: router)
        addTokenRoutes(to: router)
        let api = router.group("books/v3").add(middleware: ZohoAPIGate(simulator: self))
        addOrganizationRoutes(to: api)
        addContactRoutes(to: api)
        addInvoiceRoutes(to: api)
        addInvoicePaymentRoutes(to: api)
        addPaymentRoutes(to: api)
        return router
    }

    /// Runs `body` against the state under the lock with the current time.
    func withState<R>(_ body: (inout ZohoBooksState, Date) throws(ZohoAPIError) -> R) throws(ZohoAPIError) -> R {
        let now = clock.now()
        return try state.withLock { state throws(ZohoAPIError) in try body(&state, now) }
    }

    /// Answers with the result of `body`, or with the Zoho error it throws.
    func answer(_ body: () async throws -> Response) async throws -> Response {
        do {
            return try await body()
        } catch let error as ZohoAPIError {
            return ZohoHTTP.response(error)
        }
    }
}
