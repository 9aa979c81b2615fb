import Foundation

/// A JSON value as Salesforce sends or receives it, with numbers kept as their literal text.
///
/// Numbers stay text (`"0.1"`, `"50000.0"`) until a caller asks for a `Decimal`, so money and quantities never pass
/// through a binary float. Objects are unordered; `serialized()` writes keys sorted for a stable wire form.
public enum JSONValue: Sendable, Hashable {
    /// JSON `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number, as its literal JSON text (e.g. `"1234.50"`, `"-3"`, `"1e2"`).
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// A number holding the exact decimal text of `value` (`Decimal.description`, never an exponent).
    public static func decimal(_ value: Decimal) -> JSONValue { .number(value.description) }

    /// The member `key` of an object; `nil` for a missing member or a non-object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// True for JSON `null`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The string, or `nil` for any other kind.
    public var stringValue: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The boolean, or `nil` for any other kind.
    public var boolValue: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The number read exactly from its JSON text (a decimal string is accepted too); `nil` for other kinds.
    public var decimalValue: Decimal? {
        switch self {
        case .number(let text), .string(let text): DecimalText.decimal(text)
        default: nil
        }
    }

    /// The number as an integer when it is written as one; `nil` otherwise.
    public var intValue: Int? {
        if case .number(let text) = self { return Int(text) }
        return nil
    }

    /// The elements of an array, or `nil` for any other kind.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The members of an object, or `nil` for any other kind.
    public var objectValue: [String: JSONValue]? {
        if case .object(let members) = self { return members }
        return nil
    }
}
