import Foundation

/// Builds the canonical key predicate of an entity as SAP Gateway writes it in `__metadata.uri`:
/// `('4000043')` for one key, `(SalesOrder='4000043',SalesOrderItem='10')` for several.
enum KeyPredicate {
    /// The predicate text without parentheses, percent-encoding characters that are not URL-safe.
    static func text(type: EntityTypeModel, record: EntityRecord) -> String {
        let literals = type.keys.map { key -> String in
            let value = record[key] ?? type.property(key)?.initialValue ?? .null
            return literal(value)
        }
        if literals.count == 1 { return literals[0] }
        return zip(type.keys, literals).map { "\($0)=\($1)" }.joined(separator: ",")
    }

    /// The URI literal of a key value (`'O''Neil'`, `guid'…'`, `10`, `datetime'…'`), percent-encoded.
    static func literal(_ value: ODataValue) -> String {
        switch value {
        case .string(let text):
            return "'" + percentEncode(text.replacingOccurrences(of: "'", with: "''")) + "'"
        case .guid(let text): return "guid'\(text)'"
        case .int(let number): return "\(number)"
        case .decimal(let number): return "\(number)M"
        case .bool(let flag): return flag ? "true" : "false"
        case .dateTime(let date): return "datetime'" + EDMFormat.isoSeconds(date).replacingOccurrences(of: ":", with: "%3A") + "'"
        case .dateTimeOffset(let date):
            return "datetimeoffset'" + EDMFormat.isoSeconds(date).replacingOccurrences(of: ":", with: "%3A") + "Z'"
        case .time(let seconds): return "time'\(EDMFormat.jsonTime(seconds))'"
        case .null: return "null"
        }
    }

    private static let allowed: CharacterSet = {
        var set = CharacterSet.alphanumerics
        set.insert(charactersIn: "-._~'!*+,;=:@$")
        return set
    }()

    private static func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
