import Foundation
import Hummingbird
import Logging
import SimulatorKit

/// A tiny vendor-like app: `GET /items` answers a fixed JSON document; faults rendered like a vendor would.
struct TestApp {
    static let itemsJSON = #"{"items":[{"id":"0001","name":"Hex bolt M8"},{"id":"0002","name":"Washer"}]}"#

    let faults: FaultInjector
    let requestLog = RequestLog()
    let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_796_000_000))

    init(plan: FaultPlan = .none) {
        faults = FaultInjector(plan: plan)
    }

    func buildRouter() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: RequestLogMiddleware(log: requestLog, clock: clock) { request in
            String(request.uri.path.dropFirst())
        })
        router.add(middleware: FaultMiddleware(injector: faults) { fault, request in
            switch fault {
            case .rateLimited(let seconds):
                var headers = HTTPFields()
                if let seconds { headers[.retryAfter] = String(seconds) }
                return Response(status: .tooManyRequests, headers: headers)
            case .serverError(let status):
                return Response(status: .init(code: status))
            case .tokenExpired:
                // Like a token endpoint: no token-expiry fault on /token.
                return request.uri.path == "/token" ? nil : Response(status: .unauthorized)
            default:
                return nil
            }
        })
        router.get("/items") { _, _ in
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: Self.itemsJSON)))
        }
        router.get("/token") { _, _ in "token" }
        addOperatorRoutes(to: router, faults: faults, log: requestLog)
        return router
    }

    /// Runs the app on 127.0.0.1, port 0.
    func run<R: Sendable>(_ body: @Sendable (String) async throws -> R) async throws -> R {
        try await withSimulatorServer(router: buildRouter(), logger: Logger(label: "test"), body)
    }
}
