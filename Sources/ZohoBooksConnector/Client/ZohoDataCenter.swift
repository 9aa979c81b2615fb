/// A Zoho data center: where the organization's accounts server and Books API live (zoho.md §1, Books API
/// "Multiple Data Centers" and OAuth pages).
///
/// The accounts server is used for the refresh-token flow; the Books API base normally comes from the token
/// response's `api_domain`, and `booksBaseURL` is only the fallback when a response lacks it.
public enum ZohoDataCenter: String, Sendable, Hashable, Codable, CaseIterable {
    /// United States: `accounts.zoho.com`, `www.zohoapis.com`.
    case us
    /// Europe: `accounts.zoho.eu`, `www.zohoapis.eu`.
    case eu
    /// India: `accounts.zoho.in`, `www.zohoapis.in`.
    case `in`
    /// Australia: `accounts.zoho.com.au`, `www.zohoapis.com.au`.
    case au
    /// Japan: `accounts.zoho.jp`, `www.zohoapis.jp`.
    case jp
    /// Canada: `accounts.zohocloud.ca` (not `accounts.zoho.ca`), `www.zohoapis.ca`.
    case ca
    /// China: `accounts.zoho.com.cn`, `www.zohoapis.com.cn`.
    case cn
    /// Saudi Arabia: `accounts.zoho.sa`, `www.zohoapis.sa`.
    case sa

    /// The OAuth server; the token endpoint is `<accountsURL>/oauth/v2/token`.
    public var accountsURL: String {
        switch self {
        case .us: "https://accounts.zoho.com"
        case .eu: "https://accounts.zoho.eu"
        case .in: "https://accounts.zoho.in"
        case .au: "https://accounts.zoho.com.au"
        case .jp: "https://accounts.zoho.jp"
        case .ca: "https://accounts.zohocloud.ca"
        case .cn: "https://accounts.zoho.com.cn"
        case .sa: "https://accounts.zoho.sa"
        }
    }

    /// The API domain of this data center (what a token response's `api_domain` normally says).
    public var apiDomain: String {
        switch self {
        case .us: "https://www.zohoapis.com"
        case .eu: "https://www.zohoapis.eu"
        case .in: "https://www.zohoapis.in"
        case .au: "https://www.zohoapis.com.au"
        case .jp: "https://www.zohoapis.jp"
        case .ca: "https://www.zohoapis.ca"
        case .cn: "https://www.zohoapis.com.cn"
        case .sa: "https://www.zohoapis.sa"
        }
    }

    /// The Books API v3 base: `<apiDomain>/books/v3`.
    public var booksBaseURL: String { apiDomain + "/books/v3" }
}
