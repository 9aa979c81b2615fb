import Foundation
@testable import SalesforceConnector

/// Reads the shared reference samples (`shared/reference/salesforce/...` beside the repository).
enum Reference {
    static let salesforceRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Support
        .deletingLastPathComponent()  // SalesforceConnectorTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // main (the repository)
        .deletingLastPathComponent()  // the folder holding the repository and shared/
        .appendingPathComponent("shared/reference/salesforce")

    /// The bytes of `salesforce/<path>`.
    static func data(_ path: String) throws -> Data {
        try Data(contentsOf: salesforceRoot.appendingPathComponent(path))
    }

    /// The sample parsed with the connector's JSON parser.
    static func json(_ path: String) throws -> JSONValue {
        try JSONValue.parse(data(path))
    }

    /// The sample parsed with Foundation's parser, as an independent source of expected values.
    static func foundation(_ path: String) throws -> Any {
        try JSONSerialization.jsonObject(with: data(path))
    }

    /// Every sample file under `salesforce/<folder>`, sorted by name.
    static func files(in folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: salesforceRoot.appendingPathComponent(folder).path)
            .filter { $0.hasSuffix(".json") }.sorted().map { "\(folder)/\($0)" }
    }
}
