import Foundation

/// An access token of the refresh-token flow with the API base it is valid for.
struct ZohoAccessToken: Sendable, Hashable {
    /// `access_token`; goes only into `Authorization: Zoho-oauthtoken …`, never into logs or errors.
    var value: String
    /// `{api_domain}/books/v3`, e.g. `https://www.zohoapis.eu/books/v3`.
    var booksBaseURL: String
}
