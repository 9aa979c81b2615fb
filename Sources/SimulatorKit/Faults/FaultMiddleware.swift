import Foundation
import Hummingbird

/// Draws a fault per request. Generic kinds are served by the kit (connectionReset, slowResponse, htmlErrorBody,
/// truncatedBody); vendor-shaped kinds (rateLimited, serverError, tokenExpired, csrfExpired) are rendered by the
/// vendor's `render` closure, which returns nil when the fault does not apply to that request (e.g. csrfExpired on
/// a GET, tokenExpired on the token endpoint) — then the request proceeds normally. Requests under `/_operator`
/// never get faults.
///
/// How the generic kinds look on the wire:
/// - `connectionReset`: a `200` head announcing a body (`Content-Length`), then the connection is closed before
///   any body byte, so a client sees the connection end with no complete response.
/// - `slowResponse`: the normal response after sleeping the given seconds (real time, so client timeouts fire).
/// - `htmlErrorBody`: the status with a `text/html` error page, as nginx-style gateways answer.
/// - `truncatedBody`: the normal status and headers with the first half of the body (`Content-Length` matches the
///   half, so the HTTP message is complete but the JSON or XML in it is cut).
public struct FaultMiddleware<Context: RequestContext>: RouterMiddleware {
    private let injector: FaultInjector
    private let render: @Sendable (Fault, Request) -> Response?

    /// Creates the middleware drawing from `injector`; `render` answers vendor-shaped faults.
    public init(injector: FaultInjector, render: @escaping @Sendable (Fault, Request) -> Response?) {
        self.injector = injector
        self.render = render
    }

    /// Serves the drawn fault, or answers the request through `next`.
    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard !request.isOperatorRequest, let fault = injector.draw() else {
            return try await next(request, context)
        }
        switch fault {
        case .connectionReset:
            injector.recordServed()
            return FaultResponses.connectionReset()
        case .slowResponse(let seconds):
            injector.recordServed()
            try await Task.sleep(for: .milliseconds(Int64((seconds * 1000).rounded())))
            return try await next(request, context)
        case .htmlErrorBody(let status):
            injector.recordServed()
            return FaultResponses.htmlError(status: status)
        case .truncatedBody:
            injector.recordServed()
            return try await FaultResponses.truncated(next(request, context))
        case .rateLimited, .serverError, .tokenExpired, .csrfExpired:
            guard let response = render(fault, request) else { return try await next(request, context) }
            injector.recordServed()
            return response
        }
    }
}
