import Foundation

extension StatusReport {
    /// The status document as JSON, byte for byte what `crm-sync status --json` prints and `/status` serves: keys
    /// sorted, pretty-printed, dates ISO 8601 UTC, seconds as numbers.
    /// - Throws: `EncodingError` (not expected: every field is encodable).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(self)
    }
}
