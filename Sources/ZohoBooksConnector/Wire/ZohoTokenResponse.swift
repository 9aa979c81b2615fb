import Foundation

/// The body of `POST {accounts-server}/oauth/v2/token` (zoho.md §2): on success `access_token`, `expires_in`
/// (seconds), `api_domain`; on failure an `error` member (`invalid_code`, `invalid_client`, `Access Denied`, …),
/// often with HTTP 200.
struct ZohoTokenResponse: Decodable, Sendable {
    var accessToken: String?
    var expiresIn: Int?
    var apiDomain: String?
    var error: String?
    var errorDescription: String?

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        accessToken = try c.zohoText(ZohoKey("access_token"))
        expiresIn = try c.zohoInt(ZohoKey("expires_in"))
        apiDomain = try c.zohoText(ZohoKey("api_domain"))
        error = try c.zohoText(ZohoKey("error"))
        errorDescription = try c.zohoText(ZohoKey("error_description"))
    }
}
