import Foundation
import Hummingbird
import SimulatorKit

/// Guards every `/books/v3/...` request as Zoho Books does, in this order: `Authorization: Zoho-oauthtoken`
/// (401 code 14 when missing, 57 when unknown or expired), `organization_id` (400 code 6041 when not the
/// organization's; code 2 when missing [ASSUME]; not needed for `GET /organizations`), then the limits (429 codes
/// 1070, 45, 44). Every answer carries `X-Rate-Limit-Limit/Remaining/Reset` (daily quota).
struct ZohoAPIGate: RouterMiddleware {
    typealias Context = BasicRequestContext

    let simulator: ZohoBooksSimulator

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if let refusal = admit(request) {
            return simulator.withRateLimitHeaders(ZohoHTTP.response(refusal))
        }
        defer { simulator.state.withLock { $0.limits.finish() } }
        return simulator.withRateLimitHeaders(try await simulator.answer { try await next(request, context) })
    }

    /// The refusal for `request`, or nil when it was admitted (and counted as in flight).
    private func admit(_ request: Request) -> ZohoAPIError? {
        let authorization = request.headers[.authorization] ?? ""
        let scheme = "Zoho-oauthtoken "
        guard authorization.hasPrefix(scheme) else { return .missingAuthorization }
        let token = Self.trimmingWhitespace(authorization.dropFirst(scheme.count))
        let query = ZohoHTTP.query(request)
        let needsOrganization = request.uri.path != "/books/v3/organizations"
        let configuration = simulator.configuration
        let now = simulator.clock.now()
        return simulator.state.withLock { state -> ZohoAPIError? in
            guard state.oauth.isValid(token, now: now) else { return .notAuthorized }
            if needsOrganization {
                guard let organization = query["organization_id"], !organization.isEmpty else {
                    return .invalidValue("organization_id")
                }
                guard organization == state.organizationID else { return .wrongOrganization(organization) }
            }
            return state.limits.admit(now: now, configuration: configuration, time: state.time)
        }
    }

    /// `text` without leading and trailing `CharacterSet.whitespaces` (as `trimmingCharacters(in:)`, which
    /// is only called when there is something to trim).
    private static func trimmingWhitespace(_ text: Substring) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last, !CharacterSet.whitespaces.contains(first),
            !CharacterSet.whitespaces.contains(last)
        else { return text.trimmingCharacters(in: .whitespaces) }
        return String(text)
    }
}

extension ZohoBooksSimulator {
    /// `response` with the `X-Rate-Limit-*` headers of the daily quota (string values, as recorded).
    func withRateLimitHeaders(_ response: Response) -> Response {
        let now = clock.now()
        let snapshot = state.withLock { state in
            state.limits.snapshot(now: now, configuration: configuration, time: state.time)
        }
        var response = response
        response.headers[ZohoHTTP.rateLimitLimit] = String(snapshot.limit)
        response.headers[ZohoHTTP.rateLimitRemaining] = String(snapshot.remaining)
        response.headers[ZohoHTTP.rateLimitReset] = String(snapshot.resetSeconds)
        return response
    }

    /// Renders the vendor-shaped faults: `rateLimited` as 429 code 44 (`Retry-After` only when the plan asks for
    /// it; Zoho sends none) or, on the token endpoint, the "Access Denied" throttle body; `serverError` as the
    /// status with `{"code":1000,"message":"Internal error"}`; `tokenExpired` as 401 code 57 (not on the token
    /// endpoint). `csrfExpired` does not apply to Zoho.
    func renderFault(_ fault: Fault, request: Request) -> Response? {
        let isTokenEndpoint = request.uri.path.hasPrefix("/oauth/")
        var response: Response
        switch fault {
        case .rateLimited(let retryAfter):
            if isTokenEndpoint { return tokenThrottledResponse() }
            response = ZohoHTTP.response(.perMinuteLimit)
            if let retryAfter { response.headers[.retryAfter] = String(retryAfter) }
        case .serverError(let status):
            response = ZohoHTTP.response(.internalError(status: status))
        case .tokenExpired:
            if isTokenEndpoint { return nil }
            response = ZohoHTTP.response(.notAuthorized)
        default:
            return nil
        }
        return isTokenEndpoint ? response : withRateLimitHeaders(response)
    }
}
