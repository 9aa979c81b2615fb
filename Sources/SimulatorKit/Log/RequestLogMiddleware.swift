import Foundation
import Hummingbird

/// Records every request (after it is answered, with its status). `endpoint` maps a request to a low-cardinality
/// label such as "query", "sobjects.Opportunity", "composite.sobjects", "A_SalesOrder", "invoices".
///
/// Install it outermost (before `FaultMiddleware`) so faults are recorded with the status they were answered with.
/// A thrown `HTTPResponseError` is recorded with its status, any other error as 500, a connection reset served by
/// `FaultMiddleware` as 0. Requests under `/_operator` are not recorded.
public struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    private let log: RequestLog
    private let clock: any SimulatorClock
    private let endpoint: @Sendable (Request) -> String

    /// Creates the middleware writing to `log`, stamping entries with `clock`.
    public init(log: RequestLog, clock: any SimulatorClock, endpoint: @escaping @Sendable (Request) -> String) {
        self.log = log
        self.clock = clock
        self.endpoint = endpoint
    }

    /// Answers the request through `next` and records the outcome.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard !request.isOperatorRequest else { return try await next(request, context) }
        do {
            var response = try await next(request, context)
            if response.headers[FaultResponses.connectionResetMarker] != nil {
                response.headers[FaultResponses.connectionResetMarker] = nil
                record(request, status: 0)
            } else {
                record(request, status: Int(response.status.code))
            }
            return response
        } catch let error as any HTTPResponseError {
            record(request, status: Int(error.status.code))
            throw error
        } catch {
            record(request, status: 500)
            throw error
        }
    }

    private func record(_ request: Request, status: Int) {
        log.record(
            RequestLog.Entry(
                method: request.method.rawValue, endpoint: endpoint(request), path: request.uri.path, status: status,
                at: clock.now()
            )
        )
    }
}

extension Request {
    /// The request addresses the operator API (`/_operator/...`), which gets no faults and no log entries.
    var isOperatorRequest: Bool {
        let path = uri.path
        return path == "/_operator" || path.hasPrefix("/_operator/")
    }
}
