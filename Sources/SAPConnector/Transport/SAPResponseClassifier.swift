import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

/// Classifies SAP Gateway responses into ``ResponseDisposition`` and readable `SyncError`s.
///
/// | answer | disposition |
/// |---|---|
/// | 2xx with a JSON body (or none) | success |
/// | 2xx whose body is not JSON (HTML, cut off) | `.malformedResponse` (retryable) |
/// | 401 | refresh the OAuth token and repeat; with Basic `.authenticationFailed` |
/// | 403 + `x-csrf-token: Required` | renew the CSRF token and repeat |
/// | 403 otherwise | `.forbidden` |
/// | 400 business error | `.validationFailed`, `vendorCode` = `error.code` (Gateway framework codes `/IWBEP/CM_…`, `/IWFND/…` without a target property: `.malformedRequest`) |
/// | 404 | `.notFound` |
/// | 409 / 412 / 428 | `.conflict` |
/// | 429, 502, 503, 504, 500 with an API Management `policies.ratelimit.*` fault | `.rateLimited` / `.serverError` (retryable) |
/// | other 5xx | `.serverError` |
/// | HTML error pages (proxies, gateways) | `.malformedResponse` (retryable) |
///
/// Messages come from `error.message.value` plus the distinct `innererror.errordetails[].message` texts, or the
/// `sap-message` header; never the request payload. Source: `reference/sap.md` §4, §6, §9.
enum SAPResponseClassifier {
    /// The longest message kept from SAP's texts.
    static let maxMessageLength = 600

    /// Classifies one response to `request`; `canRefresh` is true when the credentials are OAuth tokens.
    static func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec, canRefresh: Bool)
        -> ResponseDisposition
    {
        let status = response.status
        if (200..<300).contains(status) {
            if status == 204 || response.body.isEmpty || JSONDocumentShape.isComplete(response.body) { return .success }
            return .failure(SyncError(
                code: .malformedResponse, system: .sap,
                message: "SAP answered \(request.endpoint) with a body that is not OData JSON (HTML or cut off)",
                httpStatus: status, outcomeUnknown: !request.isIdempotent))
        }
        if status == 401 {
            if canRefresh { return .refreshCredentials }
            return .failure(SyncError(
                code: .authenticationFailed, system: .sap,
                message: "SAP rejected the credentials (HTTP 401); check the SAP user and password", httpStatus: 401))
        }
        if status == 403, response.headers.first(name: "x-csrf-token")?.lowercased() == "required" {
            return .renewSession
        }
        return .failure(error(for: response, request: request))
    }

    /// The `SyncError` for a non-2xx answer (not a CSRF renewal or token refresh).
    static func error(for response: HTTPResponseData, request: HTTPRequestSpec) -> SyncError {
        let status = response.status
        let retryAfter = response.headers.first(name: "Retry-After").flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        if looksLikeHTML(response), status != 429 {
            return SyncError(
                code: .malformedResponse, system: .sap,
                message: "SAP answered \(request.endpoint) with an HTML page (HTTP \(status)) instead of OData JSON; "
                    + "a proxy or gateway in between failed",
                httpStatus: status, retryAfterSeconds: retryAfter)
        }
        if let fault = try? JSONDecoder().decode(APIManagementFault.self, from: response.body) {
            let text = fault.fault.faultstring ?? "API Management fault"
            if fault.isRateLimit || status == 429 {
                return SyncError(
                    code: .rateLimited, system: .sap, message: "SAP API Management throttled the call: \(text)",
                    httpStatus: status, vendorCode: fault.fault.detail?.errorcode, retryAfterSeconds: retryAfter)
            }
            return SyncError(
                code: status >= 500 ? .serverError : .forbidden, system: .sap,
                message: "SAP API Management refused the call: \(text)", httpStatus: status,
                vendorCode: fault.fault.detail?.errorcode, retryAfterSeconds: retryAfter)
        }
        let (text, vendorCode, field) = readableMessage(response)
        let code: SyncError.Code
        switch status {
        case 400:
            // A framework code that names a property (`/IWBEP/CM_MGW_RT/006` "exceeds the maximum length") rejects
            // the record's value, not CRMSync's request.
            let framework = vendorCode.map { $0.hasPrefix("/IWBEP/CM_") || $0.hasPrefix("/IWFND/") } ?? false
            code = framework && field == nil ? .malformedRequest : .validationFailed
        case 403: code = .forbidden
        case 404: code = .notFound
        case 409, 412, 428: code = .conflict
        case 429: code = .rateLimited
        case 500...599: code = .serverError
        default: code = .malformedRequest
        }
        let fallback = "SAP answered \(request.endpoint) with HTTP \(status)"
        return SyncError(
            code: code, system: .sap, message: text.map { truncated($0) } ?? fallback, httpStatus: status,
            vendorCode: vendorCode, field: field, retryAfterSeconds: retryAfter)
    }

    /// The readable text, SAP message code and target field of an error answer, from its body or `sap-message`.
    static func readableMessage(_ response: HTTPResponseData) -> (text: String?, code: String?, field: String?) {
        if let body = try? JSONDecoder().decode(SAPErrorBody.self, from: response.body) {
            var texts: [String] = []
            if let main = body.error.message?.value, !main.isEmpty { texts.append(main) }
            let details = body.error.innererror?.errordetails ?? []
            for detail in details {
                guard let message = detail.message, !message.isEmpty, !texts.contains(message) else { continue }
                texts.append(message)
            }
            let field = details.lazy.compactMap { detail -> String? in
                let target = detail.propertyref?.isEmpty == false ? detail.propertyref : detail.target
                return target?.isEmpty == false ? target : nil
            }.first
            return (texts.isEmpty ? nil : texts.joined(separator: "; "), body.error.code, field)
        }
        if let header = SAPMessageHeader.parse(response.headers.first(name: "sap-message")) {
            let lines = header.lines
            return (lines.isEmpty ? nil : lines.joined(separator: "; "), header.code, nil)
        }
        if let text = String(data: response.body.prefix(300), encoding: .utf8)?
            .trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty, !text.hasPrefix("{")
        {
            // Plain-text answers such as "CSRF token validation failed".
            return (text, nil, nil)
        }
        return (nil, nil, nil)
    }

    /// HTML by content type or by its first character.
    static func looksLikeHTML(_ response: HTTPResponseData) -> Bool {
        if let type = response.headers.first(name: "Content-Type")?.lowercased(), type.contains("html") { return true }
        let head = String(decoding: response.body.prefix(64), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return head.hasPrefix("<")
    }

    private static func truncated(_ text: String) -> String {
        text.count <= maxMessageLength ? text : String(text.prefix(maxMessageLength)) + "…"
    }
}
