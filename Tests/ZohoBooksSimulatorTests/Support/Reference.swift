import Foundation

/// Files under `shared/reference` (beside the repository), for expected values.
enum Reference {
    /// The reference folder: `<file>/../../../../shared/reference`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../../../shared/reference").standardizedFileURL

    /// The parsed JSON of `zoho/samples/<path>`.
    static func zohoSample(_ path: String) throws -> TestJSON {
        let data = try Data(contentsOf: root.appendingPathComponent("zoho/samples").appendingPathComponent(path))
        return try JSONDecoder().decode(TestJSON.self, from: data)
    }

    /// The recorded response body of `zoho/samples/<path>`.
    static func zohoBody(_ path: String) throws -> TestJSON {
        try zohoSample(path)["response"]["body"]
    }

    /// The body recorded for the error `when` in `errors/api-error-bodies.json`.
    static func zohoError(when: String) throws -> TestJSON {
        try zohoErrorEntry(when: when)["body"]
    }

    /// The HTTP status recorded for the error `when` (nil where no source states it).
    static func zohoErrorStatus(when: String) throws -> Int? {
        try zohoErrorEntry(when: when)["http_status"].int
    }

    private static func zohoErrorEntry(when: String) throws -> TestJSON {
        let errors = try zohoSample("errors/api-error-bodies.json")["errors"].array
        guard let match = errors.first(where: { $0["when"].string == when }) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return match
    }
}
