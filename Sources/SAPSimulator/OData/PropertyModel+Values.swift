import Foundation

extension PropertyModel {
    /// The value SAP renders for a field nobody filled: `""` for CHAR, `"0"` for NUMC (`NonNegative`),
    /// `false`, zero decimals, `PT00H00M00S`, and `null` for dates (sap.md §2).
    static func initialValue(type: String, displayFormat: String?) -> ODataValue {
        switch type {
        case "Edm.String": return .string(displayFormat == "NonNegative" ? "0" : "")
        case "Edm.Boolean": return .bool(false)
        case "Edm.Decimal", "Edm.Double", "Edm.Single": return .decimal(0)
        case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte": return .int(0)
        case "Edm.Time": return .time(0)
        case "Edm.Guid": return .guid("00000000-0000-0000-0000-000000000000")
        default: return .null
        }
    }

    /// Converts a JSON request value (as decoded by `JSONSerialization`) into a typed value.
    /// - Throws: `PropertyValueError` when the value does not fit the EDM type or is longer than `MaxLength`.
    func value(fromJSON json: Any) throws(PropertyValueError) -> ODataValue {
        if json is NSNull { return .null }
        switch type {
        case "Edm.String":
            guard var text = json as? String else { throw PropertyValueError(property: name, reason: .invalidValue) }
            if let maxLength, text.count > maxLength { throw PropertyValueError(property: name, reason: .tooLong(maxLength)) }
            if isUpperCase { text = text.uppercased() }
            if usesAlphaConversion { text = EDMFormat.strippingLeadingZeros(text) }
            return .string(text)
        case "Edm.Boolean":
            if let flag = json as? Bool { return .bool(flag) }
            throw PropertyValueError(property: name, reason: .invalidValue)
        case "Edm.Decimal", "Edm.Double", "Edm.Single":
            let text = (json as? String) ?? (json as? NSNumber)?.stringValue
            guard let text, let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                throw PropertyValueError(property: name, reason: .invalidValue)
            }
            return .decimal(value)
        case "Edm.Int16", "Edm.Int32", "Edm.Int64", "Edm.Byte", "Edm.SByte":
            let text = (json as? String) ?? (json as? NSNumber)?.stringValue
            guard let text, let value = Int64(text) else { throw PropertyValueError(property: name, reason: .invalidValue) }
            return .int(value)
        case "Edm.DateTime", "Edm.DateTimeOffset":
            guard let text = json as? String, let date = EDMFormat.parseJSONDate(text) else {
                throw PropertyValueError(property: name, reason: .invalidValue)
            }
            return type == "Edm.DateTime" ? .dateTime(date) : .dateTimeOffset(date)
        case "Edm.Time":
            guard let text = json as? String, let seconds = EDMFormat.parseTime(text) else {
                throw PropertyValueError(property: name, reason: .invalidValue)
            }
            return .time(seconds)
        case "Edm.Guid":
            guard let text = json as? String else { throw PropertyValueError(property: name, reason: .invalidValue) }
            return .guid(text.lowercased())
        default:
            throw PropertyValueError(property: name, reason: .invalidValue)
        }
    }

    /// Converts a key literal from a resource path (`'4000043'`, `guid'…'`, `10`) into a typed value.
    func value(fromKeyLiteral literal: String) -> ODataValue? {
        guard let tokens = try? { () throws(FilterError) -> [(FilterToken, Int)] in
            var lexer = FilterLexer(literal)
            return try lexer.tokens()
        }(), tokens.count == 1, case .literal(let value) = tokens[0].0 else { return nil }
        if case .string(let text) = value {
            var normalized = isUpperCase ? text.uppercased() : text
            if usesAlphaConversion { normalized = EDMFormat.strippingLeadingZeros(normalized) }
            return .string(normalized)
        }
        return value
    }

    /// True where SAP converts digit-only input by ALPHA/NonNegative rules (`0004000043` → `4000043`): NUMC
    /// fields and document/partner numbers (strings of 6+ characters); short codes such as `InventoryStockType
    /// '01'` or `Division '00'` keep their zeros.
    var usesAlphaConversion: Bool { displayFormat == "NonNegative" || (type == "Edm.String" && (maxLength ?? 0) >= 6) }
}

/// A request value that does not fit its property.
struct PropertyValueError: Error, Sendable, Hashable {
    enum Reason: Sendable, Hashable {
        case invalidValue
        case tooLong(Int)
    }

    var property: String
    var reason: Reason
}
