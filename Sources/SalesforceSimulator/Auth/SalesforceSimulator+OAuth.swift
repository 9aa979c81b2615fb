import Foundation
import Hummingbird
import JWTKit

extension SalesforceSimulator {
    /// An OAuth error body `{"error", "error_description"}` with HTTP 400.
    private func oauthError(_ error: String, _ description: String) -> Response {
        RESTResponse.json(400, .object([("error", .string(error)), ("error_description", .string(description))]))
    }

    /// `POST /services/oauth2/token` with the JWT bearer grant (Salesforce Help, "OAuth 2.0 JWT Bearer Flow for
    /// Server-to-Server Integration"): checks `grant_type`, the RS256 signature against the configured
    /// certificate, `iss` (consumer key), `aud` (login/test URL or this server), `exp` (in the future, at most
    /// `assertionMaxLifetimeSeconds` ahead) and `sub`/`prn` (the integration user), and answers the token
    /// response or the documented `invalid_grant`/`invalid_client_id`/`unsupported_grant_type` bodies.
    func handleToken(_ request: Request) async -> Response {
        let form = RESTResponse.formFields(await RESTResponse.bodyText(request) ?? "")
        guard form["grant_type"] == "urn:ietf:params:oauth:grant-type:jwt-bearer" else {
            return oauthError("unsupported_grant_type", "grant type not supported")
        }
        guard let assertion = form["assertion"], !assertion.isEmpty else {
            return oauthError("invalid_grant", "invalid assertion")
        }
        let keys = JWTKeyCollection()
        guard let unverified = try? await keys.unverified(assertion, as: AssertionClaims.self) else {
            return oauthError("invalid_grant", "invalid assertion")
        }
        guard unverified.iss == configuration.clientId else {
            return oauthError("invalid_client_id", "client identifier invalid")
        }
        guard let verificationKey else { return oauthError("invalid_grant", "invalid assertion") }
        await keys.add(rsa: verificationKey, digestAlgorithm: .sha256)
        guard let claims = try? await keys.verify(assertion, as: AssertionClaims.self) else {
            return oauthError("invalid_grant", "invalid assertion")
        }
        let baseURL = RESTResponse.baseURL(request, usesTLS: configuration.usesTLS)
        let audiences = Set((configuration.acceptedAudiences + [baseURL]).map(Self.normalizedAudience))
        guard let audience = claims.aud?.values, audience.contains(where: { audiences.contains(Self.normalizedAudience($0)) })
        else {
            return oauthError("invalid_grant", "audience is invalid")
        }
        let now = clock.now()
        guard let expiry = claims.exp?.seconds, expiry > now.timeIntervalSince1970 else {
            return oauthError("invalid_grant", "expired authorization code")
        }
        let latest = now.timeIntervalSince1970 + configuration.assertionMaxLifetimeSeconds + configuration.assertionClockSkewSeconds
        guard expiry <= latest else {
            return oauthError("invalid_grant", "invalid assertion")
        }
        guard (claims.prn ?? claims.sub) == configuration.username else {
            return oauthError("invalid_grant", "user hasn't approved this consumer")
        }
        let (token, signature) = issueSession(now: now)
        return RESTResponse.json(
            200,
            .object([
                ("access_token", .string(token)), ("scope", .string("web openid api id")),
                ("instance_url", .string(baseURL)),
                ("id", .string("\(baseURL)/id/\(configuration.organizationId)/\(configuration.userId)")),
                ("token_type", .string("Bearer")),
                ("issued_at", .string(String(Int64((now.timeIntervalSince1970 * 1000).rounded(.down))))),
                ("signature", .string(signature)),
            ]))
    }

    /// A new access token (`<orgId15>!AR…`) valid for `sessionLifetimeSeconds`, and a response signature.
    private func issueSession(now: Date) -> (String, String) {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._")
        let lifetime = configuration.sessionLifetimeSeconds
        let orgPrefix = String(configuration.organizationId.prefix(15))
        return withOrg { org in
            let body = String((0..<96).map { _ in alphabet[Int(org.random.next() % UInt64(alphabet.count))] })
            let token = "\(orgPrefix)!AR\(body)"
            org.sessions[token] = now.addingTimeInterval(lifetime)
            let signatureBytes = (0..<32).map { _ in UInt8(truncatingIfNeeded: org.random.next()) }
            return (token, Data(signatureBytes).base64EncodedString())
        }
    }

    private static func normalizedAudience(_ audience: String) -> String {
        var text = audience.lowercased()
        while text.hasSuffix("/") { text.removeLast() }
        return text
    }

    /// The access token of a `Bearer` (or legacy `OAuth`) Authorization header, when it names a live session.
    func authenticatedToken(_ request: Request) -> String? {
        guard let header = request.headers[.authorization] else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, ["bearer", "oauth"].contains(parts[0].lowercased()) else { return nil }
        let token = String(parts[1])
        let now = clock.now()
        return withOrg { org in
            guard let expiry = org.sessions[token], expiry > now else { return nil }
            return token
        }
    }

    /// Ends every session (as when an admin revokes them); clients must authenticate again.
    public func expireAllSessions() {
        withOrg { org in org.sessions.removeAll() }
    }
}
