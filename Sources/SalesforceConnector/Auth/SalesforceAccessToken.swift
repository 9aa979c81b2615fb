import Foundation
import SyncCore

/// A Salesforce access token and the org's instance URL, from the JWT bearer token response.
///
/// The response has `access_token`, `instance_url`, `id`, `scope`, `token_type` and no `expires_in` and no
/// `refresh_token`: the token lives for the org's session timeout and a 401 `INVALID_SESSION_ID` says it ended.
struct SalesforceAccessToken: Sendable, Hashable {
    var accessToken: String
    /// The API base, e.g. `https://yourInstance.salesforce.com` (no trailing slash).
    var instanceURL: String

    /// Reads a token response body.
    /// - Throws: `.malformedResponse` when it is not JSON or lacks `access_token` / `instance_url`.
    init(responseBody: Data) throws(SyncError) {
        let json = try SalesforceDecoding.json(responseBody)
        guard let accessToken = json["access_token"]?.stringValue, !accessToken.isEmpty,
              var instanceURL = json["instance_url"]?.stringValue, !instanceURL.isEmpty
        else { throw SalesforceDecoding.malformed("a token response with access_token and instance_url") }
        while instanceURL.hasSuffix("/") { instanceURL.removeLast() }
        self.accessToken = accessToken
        self.instanceURL = instanceURL
    }
}
