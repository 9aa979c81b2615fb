import Foundation
import HTTPTypes
import Hummingbird
import SimulatorKit

extension SAPSimulator {
    /// Renders the vendor-shaped faults for `FaultMiddleware`; nil when the fault does not apply to `request`.
    ///
    /// - `rateLimited`: 429 with the Apigee Spike Arrest fault body (sap.md §9), `Retry-After` when given.
    /// - `serverError`: 500 with the Apigee Quota fault (API Management's default status), 502/503/504 with a
    ///   Gateway error body.
    /// - `tokenExpired`: 401 for Bearer requests (the token is revoked) and cookie-session requests (the session
    ///   ends); not applicable to Basic-only requests and the token endpoint.
    /// - `csrfExpired`: the CSRF 403 on modifying OData requests (the session's token is invalidated, so a
    ///   re-fetch is needed); not applicable to GET/HEAD.
    func renderFault(_ fault: Fault, for request: Request) -> Response? {
        let path = request.uri.path
        let isToken = path.hasPrefix("/oauth/token")
        switch fault {
        case .rateLimited(let retryAfter):
            return ODataResponse.apigeeFault(status: .tooManyRequests, quota: false, retryAfterSeconds: retryAfter)
        case .serverError(let status):
            if status == 500 {
                return ODataResponse.apigeeFault(status: .internalServerError, quota: true, retryAfterSeconds: nil)
            }
            let error = SAPError(status: HTTPResponse.Status(code: status), code: "/IWFND/CM_BEC/026",
                                 message: "HTTP \(status): the backend system is not available")
            return errorResponse(error, service: Self.serviceName(in: path))
        case .tokenExpired:
            guard !isToken else { return nil }
            let authorization = request.headers[.authorization] ?? ""
            if authorization.lowercased().hasPrefix("bearer ") {
                let token = String(authorization.dropFirst(7))
                state.withLock { store in _ = store.accessTokens.removeValue(forKey: token) }
                return ODataResponse.unauthorized(bearer: true, systemID: configuration.systemID, client: configuration.client)
            }
            guard authorization.isEmpty, let session = sessionID(of: request) else { return nil }
            state.withLock { store in _ = store.sessions.removeValue(forKey: session) }
            return ODataResponse.unauthorized(bearer: false, systemID: configuration.systemID, client: configuration.client)
        case .csrfExpired:
            guard !isToken, path.hasPrefix(Self.servicePrefix), ![.get, .head, .options].contains(request.method) else {
                return nil
            }
            expireCSRFToken(request)
            return ODataResponse.csrfRequired()
        default:
            return nil
        }
    }

    /// The service name in an OData path (for error bodies), or an empty string.
    static func serviceName(in path: String) -> String {
        guard path.hasPrefix(servicePrefix) else { return "" }
        return String(path.dropFirst(servicePrefix.count).prefix { $0 != "/" && $0 != ";" })
    }
}
