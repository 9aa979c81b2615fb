import SyncCore

/// Vendor knowledge plugged into ``HTTPTransport``: authorization, token refresh, session renewal and the
/// classification of the vendor's responses (including error bodies sent with HTTP 200) into ``ResponseDisposition``.
public protocol VendorProtocol: Sendable {
    /// The system named in errors, metrics and logs.
    var system: SyncSystem { get }
    /// Adds auth headers (Authorization, CSRF token, cookies) to a request; may fetch a token first.
    /// - Throws: `SyncError` (`.authenticationFailed`, transport codes) when no token can be had.
    func authorize(_ request: inout HTTPRequestSpec) async throws
    /// Forces a new access token (after a 401-style answer).
    /// - Throws: `SyncError` `.authenticationFailed` when the credentials are rejected.
    func refresh() async throws
    /// Renews a session-bound token (SAP CSRF); the default does nothing.
    /// - Throws: `SyncError` when the renewal request fails.
    func renewSession() async throws
    /// Classifies a response (also 2xx: Zoho sends errors with HTTP 200 in the envelope).
    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition
    /// Called with every response (quota headers such as `Sforce-Limit-Info`, `X-Rate-Limit-*`, `Set-Cookie`);
    /// the default does nothing.
    func observe(_ response: HTTPResponseData) async
}

extension VendorProtocol {
    /// Does nothing: most vendors have no session-bound token.
    public func renewSession() async throws {}
    /// Does nothing.
    public func observe(_ response: HTTPResponseData) async {}
}
