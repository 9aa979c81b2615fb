import Foundation

/// A decoded JSON value for assertions (independent of the simulator's own JSON code).
enum TestJSON: Decodable, Equatable, Sendable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([TestJSON])
    case object([String: TestJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Decimal.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([TestJSON].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: TestJSON].self))
        }
    }

    static func parse(_ text: String) throws -> TestJSON {
        try JSONDecoder().decode(TestJSON.self, from: Data(text.utf8))
    }

    subscript(key: String) -> TestJSON {
        if case .object(let members) = self { return members[key] ?? .null }
        return .null
    }

    subscript(index: Int) -> TestJSON {
        if case .array(let elements) = self, elements.indices.contains(index) { return elements[index] }
        return .null
    }

    var string: String? { if case .string(let value) = self { value } else { nil } }
    var number: Decimal? { if case .number(let value) = self { value } else { nil } }
    var int: Int? { number.map { NSDecimalNumber(decimal: $0).intValue } }
    var bool: Bool? { if case .bool(let value) = self { value } else { nil } }
    var array: [TestJSON] { if case .array(let value) = self { value } else { [] } }
    var keys: Set<String> { if case .object(let members) = self { Set(members.keys) } else { [] } }

    /// The JSON kind: "null", "bool", "number", "string", "array", "object".
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .number: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    /// Members of `self` whose JSON kind differs from the same member in `sample` (only members present in both;
    /// `""` in the sample matches anything, as Zoho writes `""` for unset numbers).
    func kindMismatches(against sample: TestJSON) -> [String] {
        guard case .object(let mine) = self, case .object(let theirs) = sample else { return ["<not objects>"] }
        return mine.compactMap { key, value in
            guard let other = theirs[key], other != .string("") else { return nil }
            return value.kind == other.kind ? nil : "\(key): \(value.kind) vs \(other.kind)"
        }.sorted()
    }
}
