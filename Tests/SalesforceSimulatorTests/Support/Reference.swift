import Foundation

@testable import SalesforceSimulator

/// Reads recorded Salesforce samples from `shared/reference/salesforce` beside the repository.
enum Reference {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference/salesforce")

    /// The sample at `path` (e.g. `oauth/error-invalid-client-id.400.json`) as a JSON value.
    static func json(_ path: String) throws -> JSONValue {
        let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
        return try JSONParser.parse(text)
    }
}

/// The keys of an object (recursively into the first element of arrays), used to compare response shapes
/// with recorded samples.
func shape(_ value: JSONValue) -> JSONValue {
    switch value {
    case .object(let members): return .object(members.map { ($0.0, shape($0.1)) }.sorted { $0.0 < $1.0 })
    case .array(let values): return .array(values.first.map { [shape($0)] } ?? [])
    case .null: return .null
    case .bool: return .bool(true)
    case .number: return .number(0)
    case .string: return .string("")
    }
}
