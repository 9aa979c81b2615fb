import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `POST /oauth/v2/token` (Zoho Accounts), refresh-token grant; parameters in the query string or a form
    /// body. Errors are HTTP 200 with `{"error": …}` (zoho.md §2); the throttle answers "Access Denied" with
    /// `configuration.tokenThrottleStatus`.
    func addTokenRoutes(to router: Router<BasicRequestContext>) {
        router.post("oauth/v2/token") { [self] request, _ in
            var parameters = ZohoHTTP.query(request)
            let body = try await request.body.collect(upTo: ZohoHTTP.maxBodyBytes)
            for (name, value) in ZohoQueryString.parse(String(buffer: body)) where parameters[name] == nil {
                parameters[name] = value
            }
            let now = clock.now()
            let outcome = state.withLock { state in
                state.oauth.token(parameters, now: now, configuration: configuration)
            }
            switch outcome {
            case .issued(let accessToken, let expiresIn):
                let scheme = configuration.usesTLS ? "https" : "http"
                return ZohoHTTP.response(.object(ZohoJSONObject([
                    ("access_token", .string(accessToken)), ("expires_in", .int(expiresIn)),
                    ("api_domain", .string("\(scheme)://\(ZohoHTTP.host(request))")), ("token_type", .string("Bearer")),
                ])))
            case .error(let code):
                return ZohoHTTP.response(.object(ZohoJSONObject([("error", .string(code))])))
            case .throttled:
                return tokenThrottledResponse()
            }
        }
    }

    /// The token endpoint's throttle answer (recorded body; status 400 recorded, 200 per Zoho's Kaizen #43).
    func tokenThrottledResponse() -> Response {
        ZohoHTTP.response(
            .object(ZohoJSONObject([
                ("error_description",
                 .string("You have made too many requests continuously. Please try again after some time.")),
                ("error", .string("Access Denied")), ("status", .string("failure")),
            ])), status: configuration.tokenThrottleStatus)
    }
}
