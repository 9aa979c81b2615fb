import NIOHTTP1

/// Removal of secrets before anything reaches a log.
///
/// Redacted: the values of the `Authorization`, `Proxy-Authorization`, `Cookie`, `Set-Cookie` and `x-csrf-token`
/// headers (SAP's handshake words `Fetch` and `Required` stay readable) and of any header named like a token, secret
/// or API key; query and form parameters named like a secret (see ``isSecretName(_:)``); user information in URLs;
/// webhook URLs (any path on `hooks.slack.com`; elsewhere everything after `/services/`, except Salesforce's REST
/// areas `/services/data|oauth2|apexrest|async|soap/...`, which carry no secret in the path).
public enum Redaction {
    /// What replaces a secret.
    public static let placeholder = "[REDACTED]"

    private static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-csrf-token",
    ]
    private static let csrfHandshakeWords: Set<String> = ["fetch", "required"]
    private static let secretNameParts = ["token", "secret", "password", "passwd", "assertion", "apikey", "api_key",
                                          "api-key", "private_key", "privatekey"]
    /// Salesforce REST areas under `/services/` (not webhooks): `/services/data/v60.0/...`, `/services/oauth2/token`.
    private static let salesforceServiceAreas: Set<String> = ["data", "oauth2", "apexrest", "async", "soap"]
    private static let secretExactNames: Set<String> = ["code", "sig", "signature", "key", "pwd"]

    /// The headers as name/value pairs with secret values replaced by ``placeholder``.
    public static func headers(_ h: HTTPHeaders) -> [(String, String)] {
        h.map { name, value in
            let lowered = name.lowercased()
            if lowered == "x-csrf-token" && csrfHandshakeWords.contains(value.lowercased()) {
                return (name, value)
            }
            if secretHeaders.contains(lowered) || isSecretName(lowered) {
                return (name, placeholder)
            }
            return (name, value)
        }
    }

    /// The URL with user information, secret query parameters and webhook paths replaced by ``placeholder``.
    public static func url(_ s: String) -> String {
        var rest = Substring(s)
        var fragment = ""
        if let hash = rest.firstIndex(of: "#") {
            fragment = "#" + placeholder
            rest = rest[..<hash]
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        var result = redactAuthorityAndPath(String(rest))
        if let query { result += "?" + formEncoded(String(query)) }
        return result + fragment
    }

    /// A form-encoded or query string (`a=1&b=2`) with the values of secret-named parameters replaced.
    public static func formEncoded(_ text: String) -> String {
        text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            guard let equals = pair.firstIndex(of: "=") else { return String(pair) }
            let rawName = pair[..<equals]
            let name = (String(rawName).removingPercentEncoding ?? String(rawName)).lowercased()
            return isSecretName(name) ? "\(rawName)=\(placeholder)" : String(pair)
        }.joined(separator: "&")
    }

    /// Whether a parameter, header or JSON key with this name carries a secret: names containing token, secret,
    /// password, assertion, api key or private key (`access_token`, `refresh_token`, `client_secret`,
    /// `client_assertion`), and `code` (an OAuth authorization code), `sig`, `signature`, `key`, `pwd`.
    public static func isSecretName(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return secretExactNames.contains(lowered) || secretNameParts.contains { lowered.contains($0) }
    }

    private static func redactAuthorityAndPath(_ text: String) -> String {
        guard let schemeEnd = text.range(of: "://") else { return redactWebhookPath(text, host: "") }
        let scheme = text[..<schemeEnd.upperBound]
        let afterScheme = text[schemeEnd.upperBound...]
        let authorityEnd = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        var authority = String(afterScheme[..<authorityEnd])
        let path = String(afterScheme[authorityEnd...])
        if let at = authority.lastIndex(of: "@") {
            authority = placeholder + authority[at...]
        }
        return scheme + authority + redactWebhookPath(path, host: authority.lowercased())
    }

    private static func redactWebhookPath(_ path: String, host: String) -> String {
        if host.hasSuffix("hooks.slack.com") || host.hasPrefix(placeholder + "@hooks.slack.com") {
            return path.isEmpty ? path : "/" + placeholder
        }
        guard let services = path.range(of: "/services/", options: .caseInsensitive) else { return path }
        let area = path[services.upperBound...].prefix { $0 != "/" }.lowercased()
        return salesforceServiceAreas.contains(area) ? path : path[..<services.upperBound] + placeholder
    }
}
