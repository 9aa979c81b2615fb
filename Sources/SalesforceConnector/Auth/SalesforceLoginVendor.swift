import Foundation
import SyncCore
import SyncHTTP

/// Classification of the OAuth token endpoint's answers (`POST {loginURL}/services/oauth2/token`).
///
/// Errors arrive as HTTP 400 `{"error": ..., "error_description": ...}`: `invalid_grant` (user not approved,
/// invalid assertion, audience is invalid, expired authorization code), `invalid_client_id`, `invalid_app_access`
/// → `.authenticationFailed` with the description; `unsupported_grant_type` → `.malformedRequest`.
struct SalesforceLoginVendor: VendorProtocol {
    var system: SyncSystem { .salesforce }

    /// The token request carries its own credential (the assertion).
    func authorize(_ request: inout HTTPRequestSpec) async throws {}

    /// Never asked for: the token endpoint answers no 401-style refresh.
    func refresh() async throws {}

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        if (200..<300).contains(response.status) {
            do {
                _ = try SalesforceAccessToken(responseBody: response.body)
                return .success
            } catch {
                return .failure(error)
            }
        }
        return .failure(Self.error(for: response))
    }

    /// The `SyncError` for a failed token response; the message quotes `error_description`, never the request.
    static func error(for response: HTTPResponseData) -> SyncError {
        let status = response.status
        if status >= 500 || status == 429 {
            return SyncError(
                code: status == 429 ? .rateLimited : .serverError, system: .salesforce,
                message: "The Salesforce token endpoint answered HTTP \(status)", httpStatus: status,
                retryAfterSeconds: response.headers.first(name: "Retry-After").flatMap(Double.init))
        }
        guard let json = try? SalesforceDecoding.json(response.body), let oauthError = json["error"]?.stringValue else {
            return SyncError(
                code: .malformedResponse, system: .salesforce,
                message: "The Salesforce token endpoint answered HTTP \(status) without an OAuth error body",
                httpStatus: status)
        }
        let description = json["error_description"]?.stringValue ?? oauthError
        let code: SyncError.Code = oauthError == "unsupported_grant_type" ? .malformedRequest : .authenticationFailed
        return SyncError(
            code: code, system: .salesforce,
            message: "Salesforce rejected the JWT bearer login: \(description). Check the consumer key, username, "
                + "login URL and that the user is pre-authorized for the connected app.",
            httpStatus: status, vendorCode: oauthError)
    }
}
