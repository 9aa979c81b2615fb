import Foundation

/// Files of the shared reference folder (`../shared/reference` beside the repository).
enum Reference {
    /// `…/shared/reference`, found from this file's location.
    static let root = URL(fileURLWithPath: #filePath)
        .appendingPathComponent("../../../../shared/reference").standardizedFileURL

    /// The bytes of `relativePath` under the reference folder.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(relativePath))
    }

    /// A JSON reference file as a dictionary.
    static func jsonObject(_ relativePath: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data(relativePath)) as? [String: Any] ?? [:]
    }

    /// UTC instant from an ISO 8601 text such as `2005-10-24T15:36:52Z`.
    static func utc(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }
}
