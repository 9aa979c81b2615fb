import Foundation

extension AppConfiguration {
    /// The file name of the Zoho access-token cache in the state folder.
    static let zohoTokenCacheFileName = "zoho-token.json"

    /// Where the Zoho access token is kept between processes, or nil when `ZOHO_TOKEN_CACHE` is `off`.
    ///
    /// `ZOHO_TOKEN_CACHE` when it is a path; unset: `zoho-token.json` in the folder of the SQLite state file
    /// (`statePath`, so `--state` moves it too), or `state/zoho-token.json` when `STATE_URL` (PostgreSQL) is set —
    /// each replica keeps its own. Sharing the token lets one-shot commands run in a row (or from cron) stay under
    /// Zoho's 10 access tokens per refresh token per 10 minutes.
    public var zohoTokenCachePath: String? {
        switch zoho.tokenCache?.trimmingCharacters(in: .whitespaces) {
        case let setting? where setting.lowercased() == "off":
            return nil
        case let path? where !path.isEmpty:
            return path
        default:
            guard stateURL == nil else { return "state/" + Self.zohoTokenCacheFileName }
            return URL(fileURLWithPath: statePath).deletingLastPathComponent()
                .appendingPathComponent(Self.zohoTokenCacheFileName).path
        }
    }
}
