import Foundation
import Logging
import NIOHTTP1
import Synchronization
import SyncCore
import SyncHTTP

/// The Salesforce side of the HTTP layer: JWT bearer login, the cached access token, the instance URL, the
/// classification of REST answers and the `Sforce-Limit-Info` quota.
///
/// REST requests are built with a path (`/services/data/v60.0/...`, or a `nextRecordsUrl`) and `authorize` puts the
/// token response's `instance_url` in front, so paths stay valid across a token refresh.
final class SalesforceSession: VendorProtocol {
    var system: SyncSystem { .salesforce }

    private let loginURL: String
    private let audience: String
    private let clientID: String
    private let username: String
    private let signer: SalesforceJWTSigner
    private let loginTransport: HTTPTransport
    private let tokens: TokenCache<SalesforceAccessToken>
    let now: @Sendable () -> Date
    private let logger: Logger
    private let observed = Mutex<(quota: QuotaSnapshot?, instanceURL: String?)>((nil, nil))

    init(
        configuration: SalesforceClient.Configuration, loginTransport: HTTPTransport, logger: Logger,
        now: @escaping @Sendable () -> Date
    ) throws(SyncError) {
        var loginURL = configuration.loginURL
        while loginURL.hasSuffix("/") { loginURL.removeLast() }
        self.loginURL = loginURL
        self.audience = configuration.audience ?? loginURL
        self.clientID = configuration.clientID
        self.username = configuration.username
        self.signer = try SalesforceJWTSigner(privateKeyPEM: configuration.privateKeyPEM)
        self.loginTransport = loginTransport
        self.tokens = TokenCache(now: now)
        self.now = now
        self.logger = logger
    }

    /// The org's instance URL, once a token was obtained.
    var instanceURL: String? { observed.withLock { $0.instanceURL } }

    /// The last `Sforce-Limit-Info: api-usage=used/limit` seen.
    var quota: QuotaSnapshot? { observed.withLock { $0.quota } }

    /// The cached access token, logging in first when there is none.
    func token() async throws -> SalesforceAccessToken {
        try await tokens.token { [self] in (try await login(), expiresAt: nil) }
    }

    func authorize(_ request: inout HTTPRequestSpec) async throws {
        let token = try await token()
        if request.url.hasPrefix("/") { request.url = token.instanceURL + request.url }
        request.headers.replaceOrAdd(name: "Authorization", value: "Bearer \(token.accessToken)")
    }

    func refresh() async throws {
        await tokens.invalidate()
        _ = try await token()
    }

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        SalesforceErrorClassifier.classify(response)
    }

    func observe(_ response: HTTPResponseData) async {
        guard let header = response.headers.first(name: "Sforce-Limit-Info"),
              let usage = SalesforceLimitInfo.apiUsage(header)
        else { return }
        let snapshot = QuotaSnapshot(used: usage.used, limit: usage.limit, resetsAt: nil, observedAt: now())
        observed.withLock { $0.quota = snapshot }
    }

    /// Signs a fresh assertion and posts it to `{loginURL}/services/oauth2/token` (form-encoded).
    private func login() async throws -> SalesforceAccessToken {
        let claims = SalesforceJWTSigner.claims(clientID: clientID, username: username, audience: audience, now: now())
        let assertion = try await signer.sign(claims)
        let form = makeQueryString([
            ("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"), ("assertion", assertion),
        ])
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        headers.add(name: "Accept", value: "application/json")
        // Repeating a JWT bearer login only issues another token, so the request counts as idempotent.
        let request = HTTPRequestSpec(
            method: .POST, url: loginURL + "/services/oauth2/token", headers: headers, body: Data(form.utf8),
            endpoint: "oauth2.token", isIdempotent: true)
        let response = try await loginTransport.execute(request)
        let token = try SalesforceAccessToken(responseBody: response.body)
        observed.withLock { $0.instanceURL = token.instanceURL }
        logger.debug("Obtained a Salesforce access token", metadata: ["instanceURL": "\(token.instanceURL)"])
        return token
    }
}
