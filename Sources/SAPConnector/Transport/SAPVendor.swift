import Foundation
import Logging
import NIOHTTP1
import SyncCore
import SyncHTTP

/// SAP knowledge plugged into ``HTTPTransport``: Basic or OAuth client-credentials authorization, the CSRF
/// handshake with its cookie session, and response classification (``SAPResponseClassifier``).
///
/// CSRF (`reference/sap.md` §4): before the first modifying request, `GET <service root>/` with
/// `x-csrf-token: Fetch` (and the session cookies) returns the token and `Set-Cookie`; token and all cookies go on
/// every POST/PUT/PATCH/MERGE/DELETE. A 403 with `x-csrf-token: Required` drops the token, keeps the cookies, and
/// the transport repeats the request once, which fetches a new token.
final class SAPVendor: VendorProtocol {
    let system: SyncSystem = .sap
    let configuration: SAPClient.Configuration
    private let accessTokens: TokenCache<String>
    private let csrfTokens = TokenCache<String>()
    let cookies = SAPCookieJar()
    let sendRaw: @Sendable (HTTPRequestSpec) async throws -> HTTPResponseData
    private let logger: Logger
    let now: @Sendable () -> Date

    /// - Parameters:
    ///   - sendRaw: sends without authorization or classification (SyncHTTP `executeRaw`), for the token and
    ///     CSRF requests.
    ///   - now: the wall clock (UTC) for token expiry.
    init(
        configuration: SAPClient.Configuration, logger: Logger, now: @escaping @Sendable () -> Date = { Date() },
        sendRaw: @escaping @Sendable (HTTPRequestSpec) async throws -> HTTPResponseData
    ) {
        self.configuration = configuration
        self.logger = logger
        self.sendRaw = sendRaw
        self.now = now
        self.accessTokens = TokenCache<String>(expiryMargin: .seconds(60), now: now)
    }

    var usesOAuth: Bool {
        if case .oauthClientCredentials = configuration.authentication { return true }
        return false
    }

    func authorize(_ request: inout HTTPRequestSpec) async throws {
        request.headers.replaceOrAdd(name: "Authorization", value: try await authorizationValue())
        if request.headers.first(name: "Accept") == nil {
            request.headers.add(name: "Accept", value: "application/json")
        }
        request.headers.replaceOrAdd(name: "Accept-Language", value: configuration.language.lowercased())
        if Self.isModifying(request.method) {
            let serviceRoot = serviceRoot(of: request.url)
            let token = try await csrfTokens.token { [self] in (try await fetchCSRFToken(serviceRoot: serviceRoot), nil) }
            request.headers.replaceOrAdd(name: "x-csrf-token", value: token)
        }
        if let cookie = cookies.headerValue {
            request.headers.replaceOrAdd(name: "Cookie", value: cookie)
        }
    }

    func refresh() async throws {
        await accessTokens.invalidate()
    }

    func renewSession() async throws {
        logger.debug("SAP CSRF token rejected; fetching a new one")
        await csrfTokens.invalidate()
    }

    func classify(_ response: HTTPResponseData, for request: HTTPRequestSpec) -> ResponseDisposition {
        SAPResponseClassifier.classify(response, for: request, canRefresh: usesOAuth)
    }

    func observe(_ response: HTTPResponseData) async {
        cookies.store(setCookie: response.headers["Set-Cookie"])
    }

    /// POST, PUT, PATCH, MERGE, DELETE need the CSRF token.
    static func isModifying(_ method: HTTPMethod) -> Bool {
        switch method {
        case .GET, .HEAD, .OPTIONS: false
        default: true
        }
    }

    /// The service root a request URL belongs to (the Business Partner service when none matches).
    private func serviceRoot(of url: String) -> String {
        for service in SAPService.allCases where url.hasPrefix(configuration.serviceRoot(service)) {
            return configuration.serviceRoot(service)
        }
        return configuration.serviceRoot(.businessPartner)
    }

    // MARK: Authorization header

    func authorizationValue() async throws -> String {
        switch configuration.authentication {
        case .basic(let username, let password):
            return Self.basic(username, password)
        case .oauthClientCredentials(let tokenURL, let clientID, let clientSecret):
            let token = try await accessTokens.token { [self] in
                try await fetchAccessToken(tokenURL: tokenURL, clientID: clientID, clientSecret: clientSecret)
            }
            return "Bearer " + token
        }
    }

    static func basic(_ user: String, _ password: String) -> String {
        "Basic " + Data("\(user):\(password)".utf8).base64EncodedString()
    }
}
