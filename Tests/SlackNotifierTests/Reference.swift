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

    /// A JSON reference file parsed with `JSONSerialization`.
    static func json(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data(relativePath))
    }
}
