import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

extension SAPVendor {
    /// The XSUAA client-credentials token response: `{"access_token","token_type":"bearer","expires_in":43199}`.
    struct AccessTokenResponse: Decodable {
        var accessToken: String
        var expiresIn: Double?
        enum CodingKeys: String, CodingKey { case accessToken = "access_token", expiresIn = "expires_in" }
    }

    /// An OAuth error answer: `{"error":"invalid_client","error_description":"…"}`.
    struct OAuthError: Decodable {
        var error: String
        var errorDescription: String?
        enum CodingKeys: String, CodingKey { case error, errorDescription = "error_description" }
    }

    /// `POST tokenURL` with `grant_type=client_credentials&client_id=…` and the client as HTTP Basic
    /// (`reference/sap.md` §8). Returns the token and its expiry (`expires_in` seconds from now).
    /// - Throws: `.authenticationFailed` when the client is rejected; `.rateLimited`/`.serverError`;
    ///   `.malformedResponse` when the answer has no `access_token`.
    func fetchAccessToken(tokenURL: String, clientID: String, clientSecret: String) async throws
        -> (String, expiresAt: Date?)
    {
        var headers = HTTPHeaders()
        headers.add(name: "Authorization", value: Self.basic(clientID, clientSecret))
        headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        headers.add(name: "Accept", value: "application/json")
        let body = makeQueryString([("grant_type", "client_credentials"), ("client_id", clientID)])
        let request = HTTPRequestSpec(
            method: .POST, url: tokenURL, headers: headers, body: Data(body.utf8), endpoint: "oauth.token",
            isIdempotent: true)
        let started = now()
        let response = try await sendRaw(request)
        guard response.status == 200 else {
            let oauth = try? JSONDecoder().decode(OAuthError.self, from: response.body)
            let code: SyncError.Code = switch response.status {
            case 429: .rateLimited
            case 500...599: .serverError
            default: .authenticationFailed
            }
            throw SyncError(
                code: code, system: .sap,
                message: "SAP OAuth token request failed (HTTP \(response.status)\(oauth.map { " \($0.error)" } ?? ""));"
                    + " check SAP client id and secret",
                httpStatus: response.status, vendorCode: oauth?.error)
        }
        guard let token = try? JSONDecoder().decode(AccessTokenResponse.self, from: response.body),
              !token.accessToken.isEmpty
        else {
            throw SyncError(
                code: .malformedResponse, system: .sap, message: "SAP OAuth token response has no access_token",
                httpStatus: response.status)
        }
        return (token.accessToken, token.expiresIn.map { started.addingTimeInterval($0) })
    }

    /// `GET <service root>/` with `x-csrf-token: Fetch`, the session cookies and authorization; stores the
    /// session cookies and returns the token. An expired OAuth token is refreshed once.
    /// - Throws: `.authenticationFailed` (401), `.forbidden` (403), `.malformedResponse` (no token in the answer).
    func fetchCSRFToken(serviceRoot: String) async throws -> String {
        var attempt = 0
        while true {
            attempt += 1
            var headers = HTTPHeaders()
            headers.add(name: "Authorization", value: try await authorizationValue())
            headers.add(name: "x-csrf-token", value: "Fetch")
            headers.add(name: "Accept", value: "application/json")
            if let cookie = cookies.headerValue { headers.add(name: "Cookie", value: cookie) }
            let request = HTTPRequestSpec(
                method: .GET, url: serviceRoot + "/" + SAPClient.sapClientSuffix(configuration.sapClient, separator: "?"), headers: headers, endpoint: "csrf.fetch")
            let response = try await sendRaw(request)
            await observe(response)
            if response.status == 401, attempt == 1, usesOAuth {
                try await refresh()
                continue
            }
            guard (200..<300).contains(response.status) else {
                var error = SAPResponseClassifier.error(for: response, request: request)
                if response.status == 401 {
                    error.code = .authenticationFailed
                    error.message = "SAP rejected the credentials while fetching a CSRF token (HTTP 401)"
                }
                throw error
            }
            guard let token = response.headers.first(name: "x-csrf-token"), !token.isEmpty,
                  token.lowercased() != "required"
            else {
                throw SyncError(
                    code: .malformedResponse, system: .sap,
                    message: "SAP answered the CSRF fetch without an x-csrf-token header", httpStatus: response.status)
            }
            return token
        }
    }
}
