import Foundation

/// Zoho Accounts' token endpoint state: access tokens issued per refresh token, their expiry, and the
/// 10-tokens-per-10-minutes throttle (zoho.md §2).
struct ZohoOAuthState: Sendable {
    /// The outcome of a token request.
    enum Outcome: Sendable, Equatable {
        /// A new access token, valid for `expiresIn` seconds.
        case issued(accessToken: String, expiresIn: Int)
        /// An HTTP-200 `{"error": …}` answer (`invalid_client`, `invalid_client_secret`, `invalid_code`, …).
        case error(String)
        /// The refresh token obtained too many access tokens in the window ("Access Denied").
        case throttled
    }

    private struct AccessToken: Sendable {
        var refreshToken: String
        var expiresAt: Date
        var issuedAt: Date
    }

    private var tokens: [String: AccessToken] = [:]
    private var issuance: [String: [Date]] = [:]
    private var counter: UInt64 = 0
    private let salt: UInt64

    init(salt: UInt64) { self.salt = salt }

    /// Answers a token request with form/query `parameters` at `now`.
    mutating func token(
        _ parameters: [String: String], now: Date, configuration: ZohoBooksSimulator.Configuration
    ) -> Outcome {
        guard parameters["client_id"] == configuration.clientID else { return .error("invalid_client") }
        guard parameters["client_secret"] == configuration.clientSecret else { return .error("invalid_client_secret") }
        guard parameters["grant_type"] == "refresh_token" else {
            // [ASSUME] Only the refresh-token grant is simulated; other grants answer like an unusable code.
            return .error(parameters["grant_type"] == nil ? "invalid_request" : "invalid_code")
        }
        guard let refreshToken = parameters["refresh_token"], configuration.refreshTokens.contains(refreshToken)
        else { return .error("invalid_code") }
        let windowStart = now.addingTimeInterval(-configuration.tokenWindowSeconds)
        var recent = (issuance[refreshToken] ?? []).filter { $0 > windowStart }
        guard recent.count < configuration.accessTokensPerWindow else {
            issuance[refreshToken] = recent
            return .throttled
        }
        recent.append(now)
        issuance[refreshToken] = recent
        let accessToken = nextToken()
        tokens[accessToken] = AccessToken(
            refreshToken: refreshToken,
            expiresAt: now.addingTimeInterval(TimeInterval(configuration.accessTokenLifetimeSeconds)), issuedAt: now)
        dropOldestTokens(of: refreshToken, keeping: configuration.maxActiveTokensPerRefreshToken)
        return .issued(accessToken: accessToken, expiresIn: configuration.accessTokenLifetimeSeconds)
    }

    /// Whether `accessToken` is known and unexpired at `now`.
    func isValid(_ accessToken: String, now: Date) -> Bool {
        guard let token = tokens[accessToken] else { return false }
        return now < token.expiresAt
    }

    /// Revokes every access token (the operator's "sign everyone out").
    mutating func revokeAll() { tokens.removeAll() }

    private mutating func dropOldestTokens(of refreshToken: String, keeping limit: Int) {
        let mine = tokens.filter { $0.value.refreshToken == refreshToken }
            .sorted { $0.value.issuedAt < $1.value.issuedAt }
        for (token, _) in mine.dropLast(max(0, limit)) { tokens[token] = nil }
    }

    /// `1000.<32 hex>.<32 hex>`, deterministic from the salt and a counter.
    private mutating func nextToken() -> String {
        counter += 1
        let words = (0..<4).map { Self.mix(salt &+ counter &* 4 &+ UInt64($0)) }
        let hex = words.map { String($0, radix: 16).leftPadded(to: 16) }
        return "1000.\(hex[0])\(hex[1]).\(hex[2])\(hex[3])"
    }

    /// SplitMix64 finalizer.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension String {
    /// This string with leading zeros up to `width` characters.
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
