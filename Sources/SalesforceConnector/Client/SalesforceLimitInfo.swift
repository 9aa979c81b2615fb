import Foundation

/// The `Sforce-Limit-Info` response header (REST API "Limit Info Header").
enum SalesforceLimitInfo {
    /// `used` and `limit` of the `api-usage=used/limit` element, e.g. `api-usage=18/5000; per-app-api-usage=…`.
    static func apiUsage(_ header: String) -> (used: Int, limit: Int)? {
        for element in header.split(separator: ";") {
            let pair = element.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0] == "api-usage" else { continue }
            let numbers = pair[1].split(separator: "/")
            guard numbers.count == 2, let used = Int(numbers[0]), let limit = Int(numbers[1]) else { return nil }
            return (used, limit)
        }
        return nil
    }
}
