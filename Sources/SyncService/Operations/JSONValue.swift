import Foundation

/// A JSON document as a value, for showing stored data readably (`DeadLetterView`).
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Decimal.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Objects with Swift's unlabelled-value keys (`_0`, `_1`) flattened, at every depth: an object value's keys are
    /// merged into its parent, any other value is kept under `value` (`value1`, … for later positions).
    func mergingUnlabelled() -> JSONValue {
        switch self {
        case .array(let values):
            return .array(values.map { $0.mergingUnlabelled() })
        case .object(let object):
            var merged: [String: JSONValue] = [:]
            for key in object.keys.sorted() {
                let value = object[key]!.mergingUnlabelled()
                guard key.hasPrefix("_"), let position = Int(key.dropFirst()) else {
                    merged[key] = value
                    continue
                }
                if case .object(let inner) = value {
                    merged.merge(inner) { existing, _ in existing }
                } else {
                    merged[position == 0 ? "value" : "value\(position)"] = value
                }
            }
            return .object(merged)
        default:
            return self
        }
    }

    /// `name: value` lines, nested objects and arrays indented two spaces per level.
    func indentedLines(depth: Int) -> [String] {
        let pad = String(repeating: "  ", count: depth)
        switch self {
        case .object(let object):
            return object.keys.sorted().flatMap { key -> [String] in
                let value = object[key]!
                if let scalar = value.scalarText { return ["\(pad)\(key): \(scalar)"] }
                return ["\(pad)\(key):"] + value.indentedLines(depth: depth + 1)
            }
        case .array(let values):
            return values.enumerated().flatMap { index, value -> [String] in
                if let scalar = value.scalarText { return ["\(pad)- \(scalar)"] }
                return ["\(pad)- [\(index)]"] + value.indentedLines(depth: depth + 1)
            }
        default:
            return [pad + (scalarText ?? "")]
        }
    }

    /// The text of a scalar (numbers exactly as stored, as `Decimal`); nil for objects and arrays.
    var scalarText: String? {
        switch self {
        case .null: "null"
        case .bool(let value): value ? "true" : "false"
        case .number(let value): "\(value)"
        case .string(let value): value
        case .array(let values): values.isEmpty ? "[]" : nil
        case .object(let object): object.isEmpty ? "{}" : nil
        }
    }
}
