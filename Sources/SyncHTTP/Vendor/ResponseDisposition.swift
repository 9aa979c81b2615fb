import SyncCore

/// What a vendor's classifier says about a response.
public enum ResponseDisposition: Sendable {
    /// The response is the answer the request asked for.
    case success
    /// The access token expired (Salesforce 401 `INVALID_SESSION_ID`, Zoho code 57, SAP 401): the transport calls
    /// ``VendorProtocol/refresh()`` once and repeats the request.
    case refreshCredentials
    /// SAP's 403 with `x-csrf-token: Required`: the transport calls ``VendorProtocol/renewSession()`` once and
    /// repeats the request.
    case renewSession
    /// The request failed; the transport retries it when the error is retryable and the request may be repeated
    /// (see ``RetryPolicy``).
    case failure(SyncError)
}
