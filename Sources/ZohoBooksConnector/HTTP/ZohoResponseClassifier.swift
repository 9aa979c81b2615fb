import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

/// Turns Zoho Books responses into a `ResponseDisposition`, reading the envelope `code` of every response
/// (Zoho sends some errors with HTTP 200) and the HTTP status only when the body has no usable code.
///
/// Codes (Books API "Errors" page, "API Call Limit", `zoho/samples/errors/api-error-bodies.json`):
/// 0 success · 57/14 expired or missing token → refresh once · 44 per-minute limit and 1070 concurrency limit →
/// `.rateLimited` (44 waits at least 60 s) · 45 daily quota → `.quotaExhausted` · 6041 wrong organization →
/// `.authenticationFailed` naming `ZOHO_ORG_ID` · 1002 → `.notFound` · 3062/1001/4001 → `.conflict` ·
/// 24016/3004 → `.validationFailed` · 1038/2 → `.malformedRequest` · 1000 and HTTP 5xx → `.serverError` ·
/// a body that is not JSON → `.malformedResponse` (marked `outcomeUnknown` for a create answered 2xx).
enum ZohoResponseClassifier {
    /// The shortest wait after code 44: Zoho blocks the organization for the rest of the minute.
    static let perMinuteBlockSeconds: Double = 60

    /// Classifies one response to `request`.
    static func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        let status = try? JSONDecoder().decode(ZohoStatus.self, from: response.body)
        guard let status else {
            return classifyWithoutEnvelope(response, for: request)
        }
        guard let code = status.code else {
            return classifyByHTTPStatus(response, message: status.message, for: request)
        }
        if code == 0 {
            if (200..<300).contains(response.status) { return .success }
            return classifyByHTTPStatus(response, message: status.message, for: request)
        }
        if code == 57 || code == 14 { return .refreshCredentials }
        return .failure(error(code: code, message: status.message, response: response))
    }

    /// The `SyncError` for a non-zero envelope `code` other than the token codes 57 and 14.
    static func error(code: Int, message: String?, response: HTTPResponseData) -> SyncError {
        let zohoMessage = message ?? "no message"
        func make(_ syncCode: SyncError.Code, _ text: String, retryAfter: Double? = nil) -> SyncError {
            SyncError(
                code: syncCode, system: .zohoBooks, message: text, httpStatus: response.status,
                vendorCode: String(code), retryAfterSeconds: retryAfter)
        }
        let reset = ZohoRateLimitHeaders(response.headers).resetSeconds
        switch code {
        case 44:
            let wait = reset.map { (perMinuteBlockSeconds...3_600).contains($0) ? $0 : perMinuteBlockSeconds }
            return make(
                .rateLimited, "Zoho Books per-minute request limit reached: \(zohoMessage)",
                retryAfter: wait ?? perMinuteBlockSeconds)
        case 1070:
            return make(.rateLimited, "Zoho Books concurrent request limit reached: \(zohoMessage)")
        case 45:
            return make(
                .quotaExhausted,
                "Zoho Books daily API quota used up; Zoho work stops until the quota resets: \(zohoMessage)",
                retryAfter: reset)
        case 6041:
            return make(
                .authenticationFailed,
                "The Zoho user of the refresh token has no access to the configured organization; check ZOHO_ORG_ID "
                    + "(the organization_id of GET /organizations): \(zohoMessage)")
        case 1002:
            return make(.notFound, "Zoho Books record not found: \(zohoMessage)")
        case 3062, 1001, 4001:
            return make(.conflict, "Zoho Books refused a duplicate or conflicting change: \(zohoMessage)")
        case 24016, 3004:
            return make(.validationFailed, "Zoho Books rejected the data: \(zohoMessage)")
        case 1038, 2:
            return make(.malformedRequest, "Zoho Books could not read the request: \(zohoMessage)")
        case 1000:
            return make(.serverError, "Zoho Books internal error: \(zohoMessage)")
        default:
            return make(codeForHTTPStatus(response.status), "Zoho Books error \(code): \(zohoMessage)")
        }
    }

    private static func codeForHTTPStatus(_ status: Int) -> SyncError.Code {
        switch status {
        case 401: .authenticationFailed
        case 403: .forbidden
        case 404: .notFound
        case 429: .rateLimited
        case 500...599: .serverError
        default: .validationFailed
        }
    }

    /// A JSON body without a code (`{"message":"Invalid URL Passed"}`) or with code 0 on an error status.
    private static func classifyByHTTPStatus(
        _ response: HTTPResponseData, message: String?, for request: HTTPRequestSpec
    ) -> ResponseDisposition {
        let text = message ?? "no message"
        switch response.status {
        case 200..<300:
            return .failure(malformed(response, for: request, "a success without the envelope code"))
        case 401:
            return .refreshCredentials
        case 404:
            return .failure(plain(.malformedRequest, response, "Zoho Books does not know this URL: \(text)"))
        default:
            return failureForStatus(response, text: text, for: request)
        }
    }

    /// A body that is not JSON: an HTML error page, an empty or truncated body.
    private static func classifyWithoutEnvelope(
        _ response: HTTPResponseData, for request: HTTPRequestSpec
    ) -> ResponseDisposition {
        switch response.status {
        case 200..<300:
            return .failure(malformed(response, for: request, "a body that is not JSON"))
        case 401:
            return .refreshCredentials
        case 404:
            return .failure(plain(.malformedRequest, response, "Zoho Books does not know this URL"))
        default:
            return failureForStatus(response, text: "a body that is not JSON", for: request)
        }
    }

    private static func failureForStatus(
        _ response: HTTPResponseData, text: String, for request: HTTPRequestSpec
    ) -> ResponseDisposition {
        switch response.status {
        case 429:
            var error = plain(.rateLimited, response, "Zoho Books rate limit: \(text)")
            error.retryAfterSeconds = perMinuteBlockSeconds
            return .failure(error)
        case 500...599:
            return .failure(plain(.serverError, response, "Zoho Books server error: \(text)"))
        case 403:
            return .failure(plain(.forbidden, response, "Zoho Books denied access: \(text)"))
        case 400, 405, 413, 414, 415:
            return .failure(plain(.malformedRequest, response, "Zoho Books could not read the request: \(text)"))
        default:
            return .failure(malformed(response, for: request, "HTTP status \(response.status) with \(text)"))
        }
    }

    private static func plain(_ code: SyncError.Code, _ response: HTTPResponseData, _ message: String) -> SyncError {
        SyncError(code: code, system: .zohoBooks, message: message, httpStatus: response.status)
    }

    private static func malformed(
        _ response: HTTPResponseData, for request: HTTPRequestSpec, _ what: String
    ) -> SyncError {
        SyncError(
            code: .malformedResponse, system: .zohoBooks,
            message: "Zoho Books answered \(request.endpoint) with \(what)", httpStatus: response.status,
            outcomeUnknown: !request.isIdempotent)
    }
}
