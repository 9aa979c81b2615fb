import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// How a request proved its identity.
    enum Principal: Sendable, Hashable {
        /// HTTP Basic with the configured communication user.
        case basic
        /// A Bearer token issued by `POST /oauth/token` and not yet expired.
        case bearer(String)
        /// The session cookie of an earlier authenticated request (SAP logon ticket behaviour).
        case session(String)
    }

    /// Checks Basic credentials, a Bearer token, or a live session cookie; nil means 401.
    func authenticate(_ request: Request) -> Principal? {
        let now = clock.now()
        if let header = request.headers[.authorization] {
            let parts = header.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { return nil }
            switch parts[0].lowercased() {
            case "basic":
                guard let (user, password) = Self.basicCredentials(parts[1]),
                    user.uppercased() == configuration.user.uppercased(), password == configuration.password
                else { return nil }
                return .basic
            case "bearer":
                let valid = state.withLock { store in (store.accessTokens[parts[1]].map { $0 > now }) ?? false }
                return valid ? .bearer(parts[1]) : nil
            default:
                return nil
            }
        }
        guard let sessionID = sessionID(of: request) else { return nil }
        let lifetime = configuration.csrfTokenLifetimeSeconds
        let alive = state.withLock { store in
            store.sessions[sessionID].map { now.timeIntervalSince($0.lastUsed) <= lifetime } ?? false
        }
        return alive ? .session(sessionID) : nil
    }

    /// Decodes `base64(user:password)`.
    static func basicCredentials(_ encoded: String) -> (String, String)? {
        guard let data = Data(base64Encoded: encoded), let text = String(data: data, encoding: .utf8),
            let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }

    /// `POST /oauth/token` (BTP/XSUAA style): `grant_type=client_credentials`, client id/secret by HTTP Basic
    /// (or `client_id`/`client_secret` form fields); answers the XSUAA token response shape.
    func handleTokenRequest(_ request: Request) async -> Response {
        let body = (try? await request.body.collect(upTo: 64 * 1024)).map { String(buffer: $0) } ?? ""
        var form: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let pieces = pair.split(separator: "=", maxSplits: 1).map {
                $0.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
            }
            if pieces.count == 2 { form[pieces[0]] = pieces[1] }
        }
        var clientID = form["client_id"], clientSecret = form["client_secret"]
        if let header = request.headers[.authorization], header.lowercased().hasPrefix("basic "),
            let (id, secret) = Self.basicCredentials(String(header.dropFirst(6)))
        {
            clientID = id.removingPercentEncoding ?? id
            clientSecret = secret.removingPercentEncoding ?? secret
        }
        guard clientID == configuration.oauthClientID, clientSecret == configuration.oauthClientSecret else {
            var headers = HTTPFields()
            headers[.wwwAuthenticate] = "Basic realm=\"UAA/client\", error=\"unauthorized\", error_description=\"Bad credentials\""
            return ODataResponse.raw(
                JSONValue.object([("error", .string("unauthorized")), ("error_description", .string("Bad credentials"))]).data,
                contentType: "application/json;charset=UTF-8", status: .unauthorized, headers: headers)
        }
        guard form["grant_type"] == "client_credentials" else {
            let grant = form["grant_type"] ?? ""
            return ODataResponse.raw(
                JSONValue.object([
                    ("error", .string("unsupported_grant_type")),
                    ("error_description", .string("Unsupported grant type: \(grant)")),
                ]).data, contentType: "application/json;charset=UTF-8", status: .badRequest)
        }
        let lifetime = configuration.accessTokenLifetimeSeconds
        let expiry = clock.now().addingTimeInterval(Double(lifetime))
        let (token, jti) = state.withLock { store in
            let token = "sapsim." + store.nextHex(48).lowercased()
            store.accessTokens[token] = expiry
            return (token, store.nextHex(32).lowercased())
        }
        let response: JSONValue = .object([
            ("access_token", .string(token)), ("token_type", .string("bearer")),
            ("expires_in", .number(String(lifetime - 1))),
            ("scope", .string("uaa.resource \(configuration.oauthClientID).API_SALES_ORDER_SRV \(configuration.oauthClientID).API_BUSINESS_PARTNER")),
            ("jti", .string(jti)),
        ])
        return ODataResponse.raw(response.data, contentType: "application/json;charset=UTF-8",
                                 headers: [.cacheControl: "no-store"])
    }
}
