import Foundation
import SyncCore
import SyncHTTP

/// Zoho Books knowledge plugged into `HTTPTransport`: the `Zoho-oauthtoken` header, one token refresh on code
/// 57/14 or HTTP 401, the envelope classification of `ZohoResponseClassifier`, and the `X-Rate-Limit-*` headers fed
/// to the quota tracker and the request pacer.
struct ZohoBooksVendor: VendorProtocol {
    let system: SyncSystem = .zohoBooks
    let tokens: ZohoTokenProvider
    let quota: ZohoQuotaTracker
    let pacer: RequestPacer
    /// The wall clock (UTC) stamping quota snapshots.
    let now: @Sendable () -> Date

    /// Adds `Authorization: Zoho-oauthtoken <access token>` (Books API "OAuth"; never a query parameter).
    func authorize(_ request: inout HTTPRequestSpec) async throws {
        let token = try await tokens.current()
        request.headers.replaceOrAdd(name: "Authorization", value: "Zoho-oauthtoken \(token.value)")
    }

    func refresh() async throws {
        try await tokens.refresh()
    }

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        ZohoResponseClassifier.classify(response, for: request)
    }

    /// Records `X-Rate-Limit-Limit/Remaining/Reset` for `quota()` and lets the pacer adjust to the remaining
    /// allowance (a used-up daily quota stops requests until the reset instead of sending them).
    func observe(_ response: HTTPResponseData) async {
        let headers = ZohoRateLimitHeaders(response.headers)
        await quota.record(headers, at: now())
        if let remaining = headers.remaining, let reset = headers.resetSeconds {
            await pacer.observe(remaining: remaining, resetIn: .milliseconds(Int64(reset * 1000)))
        }
    }
}
