import Foundation
import SyncCore

/// Lenient readers for Zoho Books JSON values, as the API really sends them (zoho.md §4):
/// ids are digit strings (docs sometimes print them as numbers), money is a JSON number read straight into
/// `Decimal` (never through `Double`), unset values are `""` rather than null, and some numeric fields come back
/// as strings.
extension KeyedDecodingContainer {
    /// A required id: a string, or a whole JSON number kept digit for digit.
    func zohoID(_ key: Key) throws -> String {
        guard let value = try zohoIDIfPresent(key) else {
            throw DecodingError.valueNotFound(
                String.self, .init(codingPath: codingPath + [key], debugDescription: "missing or empty id"))
        }
        return value
    }

    /// An optional id; `""`, null and a missing key give `nil`.
    func zohoIDIfPresent(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) { return text.isEmpty ? nil : text }
        if let whole = try? decode(UInt64.self, forKey: key) { return String(whole) }
        let number = try decode(Decimal.self, forKey: key)
        return "\(number)"
    }

    /// An optional text; `""`, null and a missing key give `nil`; numbers and booleans are rendered as text.
    func zohoText(_ key: Key) throws -> String? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) { return text.isEmpty ? nil : text }
        if let number = try? decode(Decimal.self, forKey: key) { return "\(number)" }
        return String(try decode(Bool.self, forKey: key))
    }

    /// A required amount: a JSON number decoded as `Decimal` digit for digit, or a decimal string.
    func zohoDecimal(_ key: Key) throws -> Decimal {
        guard let value = try zohoDecimalIfPresent(key) else {
            throw DecodingError.valueNotFound(
                Decimal.self, .init(codingPath: codingPath + [key], debugDescription: "missing or empty amount"))
        }
        return value
    }

    /// An optional amount; `""`, null and a missing key give `nil`.
    func zohoDecimalIfPresent(_ key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Decimal.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key).trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let number = ZohoDecimalText.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a decimal number")
        }
        return number
    }

    /// An optional whole number (`payment_terms`, `expires_in`), from a number or a digit string.
    func zohoInt(_ key: Key) throws -> Int? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let number = try? decode(Int.self, forKey: key) { return number }
        let text = try decode(String.self, forKey: key)
        if text.isEmpty { return nil }
        guard let number = Int(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a whole number")
        }
        return number
    }

    /// An optional flag from a JSON boolean or `"true"`/`"false"`.
    func zohoBool(_ key: Key) throws -> Bool? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let flag = try? decode(Bool.self, forKey: key) { return flag }
        switch try decode(String.self, forKey: key).lowercased() {
        case "true": return true
        case "false": return false
        case "": return nil
        default: throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a boolean")
        }
    }

    /// An optional timestamp in Zoho's `yyyy-MM-dd'T'HH:mm:ssZ` form, as a UTC instant; `""` gives `nil`.
    func zohoTimestamp(_ key: Key) throws -> Date? {
        guard let text = try zohoText(key) else { return nil }
        guard let date = ZohoTimestamp.parse(text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a Zoho timestamp")
        }
        return date
    }

    /// An optional `yyyy-MM-dd` date; `""` gives `nil`.
    func zohoDate(_ key: Key) throws -> CalendarDate? {
        guard let text = try zohoText(key) else { return nil }
        guard let date = CalendarDate(iso8601: text) else {
            throw DecodingError.dataCorruptedError(forKey: key, in: self, debugDescription: "not a yyyy-MM-dd date")
        }
        return date
    }
}

/// Strict parsing of decimal text (`"12.50"`, `"-3"`, `"1e2"`) into `Decimal`, rejecting trailing garbage that
/// `Decimal(string:)` would silently ignore.
enum ZohoDecimalText {
    static func parse(_ text: String) -> Decimal? {
        let allowed = Set("0123456789.-+eE")
        guard !text.isEmpty, text.allSatisfy({ allowed.contains($0) }), text.contains(where: \.isNumber) else {
            return nil
        }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }
}

/// String coding keys for Zoho's JSON.
struct ZohoKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
