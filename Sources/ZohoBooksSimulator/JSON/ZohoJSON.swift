import Foundation

/// A JSON value as Zoho Books writes and reads it: objects keep their member order, numbers are `Decimal` so
/// money is written without binary floating-point drift (`199.99`, `750`).
enum ZohoJSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Decimal)
    case string(String)
    case array([ZohoJSON])
    case object(ZohoJSONObject)

    /// A whole number.
    static func int(_ value: Int) -> ZohoJSON { .number(Decimal(value)) }

    /// The member `key` of an object, or nil.
    subscript(key: String) -> ZohoJSON? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The string value, or the digits of a number (ids are sometimes sent as numbers).
    var stringValue: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value.description
        default: return nil
        }
    }

    /// The decimal value of a number, or of a string holding one (`"12.50"`).
    var decimalValue: Decimal? {
        switch self {
        case .number(let value): return value
        case .string(let value): return Decimal(string: value, locale: Locale(identifier: "en_US_POSIX"))
        default: return nil
        }
    }

    /// The integer value of a whole number or of a string holding one.
    var intValue: Int? {
        guard let decimal = decimalValue, decimal == decimal.rounded(scale: 0) else { return nil }
        return NSDecimalNumber(decimal: decimal).intValue
    }

    /// The Boolean value (`true`, `"true"`).
    var boolValue: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value): return value == "true" ? true : (value == "false" ? false : nil)
        default: return nil
        }
    }

    /// The elements of an array, or nil.
    var arrayValue: [ZohoJSON]? {
        if case .array(let elements) = self { return elements }
        return nil
    }
}

/// A JSON object with ordered members (Zoho writes fields in a fixed order).
struct ZohoJSONObject: Sendable, Equatable {
    private(set) var members: [(key: String, value: ZohoJSON)] = []

    init() {}

    init(_ members: [(String, ZohoJSON)]) {
        self.members = members.map { (key: $0.0, value: $0.1) }
    }

    /// The value of the first member named `key`; setting replaces it or appends a new member.
    subscript(key: String) -> ZohoJSON? {
        get { members.first { $0.key == key }?.value }
        set {
            if let index = members.firstIndex(where: { $0.key == key }) {
                if let newValue { members[index].value = newValue } else { members.remove(at: index) }
            } else if let newValue {
                members.append((key: key, value: newValue))
            }
        }
    }

    static func == (lhs: ZohoJSONObject, rhs: ZohoJSONObject) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

extension Decimal {
    /// This value rounded half-up (away from zero) to `scale` fractional digits, as Zoho's `round_half_up`.
    func rounded(scale: Int) -> Decimal {
        var source = self
        var result = Decimal()
        NSDecimalRound(&result, &source, scale, .plain)
        return result
    }
}
