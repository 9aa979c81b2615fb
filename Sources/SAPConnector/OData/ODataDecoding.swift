import Foundation

/// Reading SAP Gateway primitive values leniently where SAP is lenient (missing or `null` CHAR fields read as
/// `""`) and strictly where exactness matters (Edm.Decimal from its string, dates from `/Date(...)/`).
extension KeyedDecodingContainer {
    /// An Edm.String; a missing key or `null` reads as `""` (SAP renders empty CHAR fields as `""`).
    func odataString(_ key: Key) throws -> String {
        try decodeIfPresent(String.self, forKey: key) ?? ""
    }

    /// An Edm.Decimal sent as a string (`"2656.24"`); `nil` when missing, `null` or `""`.
    /// A JSON number is accepted as well and read from its digits.
    func odataDecimal(_ key: Key) throws -> Decimal? {
        guard contains(key), try !decodeNil(forKey: key) else { return nil }
        if let text = try? decode(String.self, forKey: key) {
            if text.isEmpty { return nil }
            guard let value = ODataDecimal.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: self, debugDescription: "not an Edm.Decimal string")
            }
            return value
        }
        return try decode(Decimal.self, forKey: key)
    }

    /// An Edm.DateTime or Edm.DateTimeOffset (`/Date(ms)/`, `/Date(ms+0000)/`); `nil` when missing or `null`.
    func odataDate(_ key: Key) throws -> Date? {
        guard let text = try decodeIfPresent(String.self, forKey: key), !text.isEmpty else { return nil }
        guard let date = ODataDateTime.parse(text) else {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: self, debugDescription: "not an OData V2 /Date(...)/ value")
        }
        return date
    }

    /// An Edm.Boolean; missing or `null` reads as `false`.
    func odataBool(_ key: Key) throws -> Bool {
        try decodeIfPresent(Bool.self, forKey: key) ?? false
    }
}

/// Drops the leading zeros SAP's ALPHA conversion would otherwise show (`"0004000043"` -> `"4000043"`, `"000"`
/// -> `"0"`); keys are normally sent without them already.
func withoutLeadingZeros(_ value: String) -> String {
    guard value.allSatisfy(\.isASCIIDigit), value.count > 1 else { return value }
    let trimmed = value.drop(while: { $0 == "0" })
    return trimmed.isEmpty ? "0" : String(trimmed)
}
