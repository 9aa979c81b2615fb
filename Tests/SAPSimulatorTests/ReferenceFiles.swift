import Foundation

/// Locates files under `shared/reference` (the directory beside the repository clone).
enum ReferenceFiles {
    /// The absolute URL of `relativePath` under `shared/reference`.
    static func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: #filePath)
            .appendingPathComponent("../../../../shared/reference")
            .appendingPathComponent(relativePath)
            .standardizedFileURL
    }

    /// The bytes of a reference file.
    static func data(_ relativePath: String) throws -> Data {
        try Data(contentsOf: url(relativePath))
    }

    /// A reference JSON file parsed into Foundation objects.
    static func json(_ relativePath: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: data(relativePath)) as? [String: Any] ?? [:]
    }
}
