import Foundation
import SyncCore
import SyncHTTP

/// Maps Salesforce REST answers to `SyncError` codes (REST API "Status Codes and Error Responses").
///
/// Error bodies are arrays of `{"errorCode", "message", "fields"}`; sObject Collections results use `statusCode`
/// for the same codes. Messages are kept (shortened, whitespace collapsed); request bodies never are.
enum SalesforceErrorClassifier {
    /// The `SyncError` code for a Salesforce error code, or `nil` when the code alone does not decide.
    static func code(forVendorCode vendorCode: String, message: String) -> SyncError.Code? {
        switch vendorCode {
        case "REQUEST_LIMIT_EXCEEDED":
            // The same code covers the 25 concurrent long-running requests limit, which clears in seconds.
            message.localizedCaseInsensitiveContains("concurrent") ? .rateLimited : .quotaExhausted
        case "UNABLE_TO_LOCK_ROW": .rowLocked
        case "MALFORMED_QUERY", "INVALID_FIELD", "INVALID_TYPE", "INVALID_QUERY_LOCATOR", "INVALID_QUERY_FILTER_OPERATOR":
            .malformedRequest
        case "ENTITY_IS_DELETED", "NOT_FOUND": .notFound
        case "MALFORMED_ID", "FIELD_CUSTOM_VALIDATION_EXCEPTION", "REQUIRED_FIELD_MISSING",
            "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "STRING_TOO_LONG", "NUMBER_OUTSIDE_VALID_RANGE",
            "INVALID_TYPE_ON_FIELD_IN_RECORD", "FIELD_INTEGRITY_EXCEPTION", "INVALID_CROSS_REFERENCE_KEY":
            .validationFailed
        case "INVALID_SESSION_ID": .authenticationFailed
        case "QUERY_TIMEOUT": .timeout
        case "INSUFFICIENT_ACCESS", "INSUFFICIENT_ACCESS_OR_READONLY", "API_DISABLED_FOR_ORG", "API_CURRENTLY_DISABLED":
            .forbidden
        case "DUPLICATE_VALUE", "ALL_OR_NONE_OPERATION_ROLLED_BACK": .conflict
        case "SERVER_UNAVAILABLE": .serverError
        default: nil
        }
    }

    /// The code for an HTTP status when the body names no known code.
    static func code(forStatus status: Int) -> SyncError.Code {
        switch status {
        case 401: .authenticationFailed
        case 403: .forbidden
        case 404: .notFound
        case 409, 412: .conflict
        case 429: .rateLimited
        case 500...: .serverError
        default: .validationFailed
        }
    }

    /// Classifies a REST API response.
    ///
    /// 2xx with a body that is not complete JSON → `.malformedResponse` (retried); 401 `INVALID_SESSION_ID` (or any
    /// 401) → refresh the token and repeat; 5xx → `.serverError` whatever the body; other statuses by the first
    /// `errorCode` of the body, else by status; a non-JSON 4xx body → `.malformedResponse`.
    static func classify(_ response: HTTPResponseData) -> ResponseDisposition {
        switch response.status {
        case 200..<300:
            if response.body.isEmpty { return .success }
            do {
                try SalesforceDecoding.validateJSON(response.body)
                return .success
            } catch {
                return .failure(error)
            }
        case 401:
            return .refreshCredentials
        default:
            return .failure(error(for: response))
        }
    }

    /// The `SyncError` for a non-2xx response.
    static func error(for response: HTTPResponseData) -> SyncError {
        let status = response.status
        let retryAfter = response.headers.first(name: "Retry-After").flatMap(Double.init)
        guard let json = try? SalesforceDecoding.json(response.body),
              let first = json.arrayValue?.first, let vendorCode = first["errorCode"]?.stringValue
        else {
            let code: SyncError.Code = status >= 500 ? .serverError : (status == 429 ? .rateLimited : .malformedResponse)
            return SyncError(
                code: code, system: .salesforce,
                message: "Salesforce answered HTTP \(status) without a documented error body",
                httpStatus: status, retryAfterSeconds: retryAfter)
        }
        let message = first["message"]?.stringValue ?? ""
        let field = first["fields"]?.arrayValue?.first?.stringValue
        let code = status >= 500 ? .serverError : (Self.code(forVendorCode: vendorCode, message: message)
            ?? Self.code(forStatus: status))
        return SyncError(
            code: code, system: .salesforce, message: readable(message, vendorCode: vendorCode),
            httpStatus: status, vendorCode: vendorCode, field: field, retryAfterSeconds: retryAfter)
    }

    /// The error for one failed record of an sObject Collections result (`statusCode`, `message`, `fields`).
    static func recordError(_ error: JSONValue?, recordID: String) -> SyncError {
        let vendorCode = error?["statusCode"]?.stringValue ?? "UNKNOWN_EXCEPTION"
        let message = error?["message"]?.stringValue ?? ""
        return SyncError(
            code: code(forVendorCode: vendorCode, message: message) ?? .validationFailed, system: .salesforce,
            message: readable(message, vendorCode: vendorCode), vendorCode: vendorCode, recordID: recordID,
            field: error?["fields"]?.arrayValue?.first?.stringValue)
    }

    /// The vendor message with whitespace collapsed and cut to 300 characters (query errors echo the SOQL).
    static func readable(_ message: String, vendorCode: String) -> String {
        let collapsed = message.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        guard !collapsed.isEmpty else { return "Salesforce reported \(vendorCode)" }
        return collapsed.count > 300 ? String(collapsed.prefix(300)) + "…" : collapsed
    }
}
