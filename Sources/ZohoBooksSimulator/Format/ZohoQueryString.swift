import Foundation

/// Decodes `application/x-www-form-urlencoded` text (query strings and form bodies) as Zoho's servers do:
/// `+` is a space and `%XX` a byte, so a timestamp offset must be sent as `%2B` (zoho.md §3).
enum ZohoQueryString {
    /// The parameters of `text`; the first occurrence of a name wins.
    static func parse(_ text: String?) -> [String: String] {
        guard let text, !text.isEmpty else { return [:] }
        var parameters: [String: String] = [:]
        for pair in text.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            if parameters[name] == nil { parameters[name] = value }
        }
        return parameters
    }

    private static func decode(_ text: Substring) -> String {
        // Without `+` or `%` there is nothing to decode.
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) else {
            return String(text)
        }
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }
}
