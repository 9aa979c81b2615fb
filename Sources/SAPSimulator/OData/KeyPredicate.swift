import Foundation

/// Builds the canonical key predicate of an entity as SAP Gateway writes it in `__metadata.uri`:
/// `('4000043')` for one key, `(SalesOrder='4000043',SalesOrderItem='10')` for several.
enum KeyPredicate {
    /// The predicate text without parentheses, percent-encoding characters that are not URL-safe.
    static func text(type: EntityTypeModel, record: EntityRecord) -> String {
        if type.keys.count == 1, let key = type.keys.first {
            return literal(record[key] ?? type.property(key)?.initialValue ?? .null)
        }
        var text = ""
        for key in type.keys {
            if !text.isEmpty { text += "," }
            text += key + "=" + literal(record[key] ?? type.property(key)?.initialValue ?? .null)
        }
        return text
    }

    /// The URI literal of a key value (`'O''Neil'`, `guid'…'`, `10`, `datetime'…'`), percent-encoded.
    static func literal(_ value: ODataValue) -> String {
        switch value {
        case .string(let text):
            return stringLiteral(text)
        case .guid(let text): return "guid'\(text)'"
        case .int(let number): return "\(number)"
        case .decimal(let number): return "\(number)M"
        case .bool(let flag): return flag ? "true" : "false"
        case .dateTime(let date): return "datetime'" + EDMFormat.isoSeconds(date, colon: "%3A") + "'"
        case .dateTimeOffset(let date): return "datetimeoffset'" + EDMFormat.isoSeconds(date, colon: "%3A") + "Z'"
        case .time(let seconds): return "time'\(EDMFormat.jsonTime(seconds))'"
        case .null: return "null"
        }
    }

    /// `'text'` with quotes doubled and characters outside `allowed` percent-encoded. Keys are nearly always
    /// ASCII letters and digits: those are copied byte by byte; anything else takes Foundation's encoder.
    private static func stringLiteral(_ text: String) -> String {
        var bytes: [UInt8] = [0x27]
        bytes.reserveCapacity(text.utf8.count + 2)
        for byte in text.utf8 {
            guard byte < 0x80, allowedASCII[Int(byte)] else {
                return "'" + percentEncode(text.replacingOccurrences(of: "'", with: "''")) + "'"
            }
            bytes.append(byte)
            if byte == 0x27 { bytes.append(0x27) }
        }
        bytes.append(0x27)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `allowed` for the 128 ASCII bytes.
    private static let allowedASCII: [Bool] = (0..<128).map { byte in
        allowed.contains(Unicode.Scalar(UInt8(byte)))
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
