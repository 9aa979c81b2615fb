import Foundation
import Logging
import SyncCore

extension HTTPTransport {
    /// Turns a vendor's failure classification of a response into a ``TransportFailure``: fills in the server's
    /// requested wait, and marks whether a non-idempotent request may have been carried out (a success status
    /// with a malformed body, or a 502/504 gateway failure).
    func responseFailure(_ error: SyncError, response: HTTPResponseData, request: HTTPRequestSpec) -> TransportFailure {
        var error = error
        if error.httpStatus == nil { error.httpStatus = response.status }
        if error.retryAfterSeconds == nil {
            error.retryAfterSeconds = RetryAfter.seconds(
                status: response.status, headers: response.headers, now: Date())
        }
        let success = (200..<300).contains(response.status)
        let maybeCarriedOut = (success && error.code == .malformedResponse) || response.status == 502
            || response.status == 504
        return TransportFailure(error: error, maybeSent: maybeCarriedOut, worthRetrying: true)
    }

    /// Whether to repeat after `failure`: retryable, worth it, and safe for the request. A non-idempotent request
    /// is repeated only when the failure proves it was not processed: 429, 503, `.rateLimited`, or a connection that
    /// failed before sending.
    func shouldRetry(_ failure: TransportFailure, request: HTTPRequestSpec) -> Bool {
        let error = failure.error
        guard error.isRetryable, failure.worthRetrying else { return false }
        if request.isIdempotent { return true }
        guard !failure.maybeSent else { return false }
        return error.code == .rateLimited || error.httpStatus == 429 || error.httpStatus == 503
            || error.httpStatus == nil
    }

    /// The error when a refresh or renewal did not help.
    func credentialsFailure(_ message: String, _ response: HTTPResponseData) -> SyncError {
        SyncError(code: .authenticationFailed, system: vendor.system, message: message, httpStatus: response.status)
    }

    /// Counts `error` in the error metric and returns it for throwing.
    func recorded(_ error: SyncError, _ request: HTTPRequestSpec) -> SyncError {
        metrics.recordError(endpoint: request.endpoint, code: error.code)
        var failureMetadata = metadata(request)
        failureMetadata["code"] = "\(error.code.rawValue)"
        failureMetadata["http_status"] = "\(error.httpStatus.map(String.init) ?? "none")"
        failureMetadata["outcome_unknown"] = "\(error.outcomeUnknown)"
        logger.debug("HTTP request failed", metadata: failureMetadata)
        return error
    }

    /// The system and endpoint labels every log line of a request carries.
    func metadata(_ request: HTTPRequestSpec) -> Logger.Metadata {
        ["system": "\(vendor.system.rawValue)", "endpoint": "\(request.endpoint)"]
    }

    /// Runs a vendor call (authorize, refresh, renew), counting a `SyncError` it throws in the error metric.
    func recordingVendorErrors(_ request: HTTPRequestSpec, _ call: () async throws -> Void) async throws {
        do {
            try await call()
        } catch let error as SyncError {
            throw recorded(error, request)
        }
    }
}
