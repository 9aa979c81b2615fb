/// One fault a simulator serves instead of (or around) its normal answer.
public enum Fault: Sendable, Hashable {
    /// HTTP 429; `retryAfterSeconds` is the `Retry-After` value, `nil` for no header.
    case rateLimited(retryAfterSeconds: Int?)
    /// HTTP 500, 502, 503 or 504 with the vendor's error body.
    case serverError(status: Int)
    /// The connection is closed with no complete response.
    case connectionReset
    /// The normal response, delayed by `seconds`.
    case slowResponse(seconds: Double)
    /// The vendor's "token expired/invalid" answer.
    case tokenExpired
    /// SAP: 403 with `x-csrf-token: Required` on a modifying request.
    case csrfExpired
    /// An HTML error page with `status`, as a proxy or gateway answers.
    case htmlErrorBody(status: Int)
    /// The normal response with its body cut in half.
    case truncatedBody
}
