import Foundation
import Logging
import NIOHTTP1
import Synchronization
import SyncCore
import SyncHTTP

/// Zoho's OAuth 2.0 refresh-token flow (zoho.md §2): `POST {accounts-server}/oauth/v2/token` with a form body
/// `grant_type=refresh_token&client_id&client_secret&refresh_token`, answered with `access_token`, `expires_in`
/// (seconds) and `api_domain`.
///
/// The token is cached in a single-flight `TokenCache` until 60 s before `expires_in` runs out, so a burst of
/// requests costs one token request (Zoho allows 10 access tokens per refresh token per 10 minutes). Token errors
/// arrive with HTTP 200 and an `error` member; all of them become `.authenticationFailed` without the refresh
/// token or client secret in the message. Zoho's token throttle ("Access Denied", "too many requests") becomes
/// `.rateLimited` asking for a 15-minute pause, and further token requests fail at once, without being sent,
/// until that pause is over.
///
/// With a `ZohoTokenFile`, a token is first looked for in the file (sealed with the same credentials, fresh by the
/// same 60 s margin) and every token fetched is written there, so processes run one after the other share one token.
/// A token Zoho rejected (code 57/14 or HTTP 401, then `refresh()`) is never taken from the file again.
final class ZohoTokenProvider: Sendable {
    /// How long the token endpoint is left alone after its "Access Denied" throttle (clients report 15–30 min).
    static let throttlePauseSeconds: Double = 900
    /// How long before its expiry a token counts as expired, in memory and in the file.
    static let expiryMarginSeconds = 60

    private let tokenURL: String
    private let form: Data
    private let fallbackBooksBaseURL: String
    private let transport: HTTPTransport
    private let cache: TokenCache<ZohoAccessToken>
    private let blockedUntil = Mutex<Date?>(nil)
    private let tokenFile: ZohoTokenFile?
    /// The token value last handed to the cache, and the values Zoho rejected (never read from the file again).
    private let served = Mutex<(last: String?, rejected: Set<String>)>((nil, []))
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - accountsURL: the accounts server, e.g. `https://accounts.zoho.eu` (no trailing path).
    ///   - fallbackBooksBaseURL: the data center's Books base, used only when a token response has no `api_domain`.
    ///   - transport: a transport without Books pacing; only `executeRaw` is used.
    ///   - tokenCachePath: the token file shared between processes; nil keeps the token in memory only.
    ///   - now: the wall clock (UTC) for token expiry and the throttle pause.
    init(
        accountsURL: String, clientID: String, clientSecret: String, refreshToken: String,
        fallbackBooksBaseURL: String, transport: HTTPTransport, tokenCachePath: String? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date
    ) {
        tokenURL = accountsURL.trimmingTrailingSlashes + "/oauth/v2/token"
        form = Data(
            makeQueryString([
                ("grant_type", "refresh_token"), ("client_id", clientID), ("client_secret", clientSecret),
                ("refresh_token", refreshToken),
            ]).utf8)
        self.fallbackBooksBaseURL = fallbackBooksBaseURL
        self.transport = transport
        self.logger = logger
        self.now = now
        cache = TokenCache(expiryMargin: .seconds(Self.expiryMarginSeconds), now: now)
        tokenFile = tokenCachePath.map { path in
            ZohoTokenFile(
                path: path, accountsURL: accountsURL, clientID: clientID, refreshToken: refreshToken, logger: logger)
        }
    }

    /// The cached access token, fetched when there is none or it is about to expire.
    /// - Throws: `SyncError` `.authenticationFailed` (rejected credentials), `.rateLimited` (token throttle),
    ///   `.malformedResponse`, `.serverError` and transport codes.
    func current() async throws -> ZohoAccessToken {
        try await cache.token { try await self.fetch() }
    }

    /// Drops the cached token, marks it rejected (never taken from the token file again) and gets a new one
    /// (after code 57/14 or HTTP 401).
    /// - Throws: as `current()`.
    func refresh() async throws {
        served.withLock { state in
            if let last = state.last { state.rejected.insert(last) }
        }
        await cache.invalidate()
        _ = try await current()
    }

    /// A fresh, unrejected token of the token file, else a new one from Zoho (then written to the file).
    private func fetch() async throws -> (ZohoAccessToken, expiresAt: Date?) {
        if let stored = tokenFile?.load(), isUsable(stored) {
            logger.debug("Using the Zoho access token of the token cache file")
            served.withLock { $0.last = stored.token.value }
            return (stored.token, stored.expiresAt)
        }
        let (token, expiresAt) = try await requestToken()
        served.withLock { $0.last = token.value }
        tokenFile?.save(ZohoTokenFile.Entry(token: token, expiresAt: expiresAt))
        return (token, expiresAt)
    }

    private func isUsable(_ stored: ZohoTokenFile.Entry) -> Bool {
        let fresh = now().addingTimeInterval(TimeInterval(Self.expiryMarginSeconds)) < stored.expiresAt
        return fresh && !served.withLock { $0.rejected.contains(stored.token.value) }
    }

    private func requestToken() async throws -> (ZohoAccessToken, expiresAt: Date) {
        if let until = blockedUntil.withLock({ $0 }), until > now() {
            throw Self.throttled(retryAfter: until.timeIntervalSince(now()))
        }
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        headers.add(name: "Accept", value: "application/json")
        let request = HTTPRequestSpec(
            method: .POST, url: tokenURL, headers: headers, body: form, endpoint: "oauth.token")
        logger.debug("Requesting a Zoho access token")
        let requestedAt = now()
        let response = try await transport.executeRaw(request)
        let token: (token: ZohoAccessToken, expiresIn: Int)
        do {
            token = try Self.interpret(response, fallbackBooksBaseURL: fallbackBooksBaseURL)
        } catch let error as SyncError where error.code == .rateLimited {
            let until = now().addingTimeInterval(error.retryAfterSeconds ?? Self.throttlePauseSeconds)
            blockedUntil.withLock { $0 = until }
            throw error
        }
        logger.debug("Received a Zoho access token", metadata: ["expires_in": "\(token.expiresIn)"])
        return (token.token, requestedAt.addingTimeInterval(TimeInterval(token.expiresIn)))
    }

    /// Reads a token endpoint answer: the token with its Books base (`{api_domain}/books/v3`) and `expires_in`.
    /// - Throws: `.rateLimited` for the "Access Denied" throttle (retry after 900 s), `.authenticationFailed` for an
    ///   `error` member or a missing `access_token` (whatever the HTTP status), `.serverError` for a 5xx,
    ///   `.malformedResponse` for a body that is not JSON.
    static func interpret(
        _ response: HTTPResponseData, fallbackBooksBaseURL: String
    ) throws -> (token: ZohoAccessToken, expiresIn: Int) {
        let body = try? JSONDecoder().decode(ZohoTokenResponse.self, from: response.body)
        if isThrottle(body, status: response.status) {
            throw throttled(retryAfter: throttlePauseSeconds)
        }
        guard let body else {
            let code: SyncError.Code = (500...599).contains(response.status) ? .serverError : .malformedResponse
            throw SyncError(
                code: code, system: .zohoBooks, message: "The Zoho accounts server answered without token JSON",
                httpStatus: response.status)
        }
        if let error = body.error {
            throw SyncError(
                code: .authenticationFailed, system: .zohoBooks, message: Self.explain(error),
                httpStatus: response.status, vendorCode: error)
        }
        guard let accessToken = body.accessToken, !accessToken.isEmpty, (200..<300).contains(response.status) else {
            let code: SyncError.Code = (500...599).contains(response.status) ? .serverError : .authenticationFailed
            throw SyncError(
                code: code, system: .zohoBooks,
                message: "The Zoho accounts server gave no access token for the refresh token",
                httpStatus: response.status)
        }
        let base = body.apiDomain.map { $0.trimmingTrailingSlashes + "/books/v3" } ?? fallbackBooksBaseURL
        return (ZohoAccessToken(value: accessToken, booksBaseURL: base), max(body.expiresIn ?? 3_600, 0))
    }

    private static func isThrottle(_ body: ZohoTokenResponse?, status: Int) -> Bool {
        if status == 429 { return true }
        guard let error = body?.error?.lowercased() else { return false }
        return error == "access denied" || (body?.errorDescription?.lowercased().contains("too many requests") ?? false)
    }

    private static func throttled(retryAfter: Double) -> SyncError {
        SyncError(
            code: .rateLimited, system: .zohoBooks,
            message: "The Zoho accounts server throttles token requests (\"Access Denied\"); no token is requested "
                + "for \(Int(retryAfter.rounded(.up))) seconds. Processes share one token through ZOHO_TOKEN_CACHE: "
                + "keep it on and its folder writable",
            vendorCode: "Access Denied", retryAfterSeconds: retryAfter)
    }

    /// A readable reason for a token endpoint `error`, naming the setting to check (never its value).
    static func explain(_ error: String) -> String {
        switch error {
        case "invalid_code":
            "Zoho rejected the refresh token (invalid_code): it is expired, revoked or from another data center; "
                + "generate a new ZOHO_REFRESH_TOKEN"
        case "invalid_client":
            "Zoho does not know the client (invalid_client): check ZOHO_CLIENT_ID and the data center"
        case "invalid_client_secret":
            "Zoho rejected the client secret (invalid_client_secret): check ZOHO_CLIENT_SECRET"
        default:
            "The Zoho accounts server refused the token request (\(error))"
        }
    }
}

extension String {
    /// The string without trailing `/` characters.
    var trimmingTrailingSlashes: String {
        var text = self
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }
}
