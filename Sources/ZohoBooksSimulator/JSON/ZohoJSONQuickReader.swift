import Foundation

/// Reads the plain JSON documents clients send (an object of objects, arrays, strings, numbers, literals) without
/// `JSONDecoder`'s per-value type probing, giving exactly the value `ZohoJSON.parse` gives through `JSONDecoder`.
///
/// It declines (returns nil, so the caller falls back to `JSONDecoder`) anything outside that plain subset, where the
/// two could differ: a top level other than an object, `\u` escapes, bytes above 0x7F or below 0x20 in strings,
/// numbers with an exponent or more than 18 digits, duplicate member names, nesting deeper than 64, or any
/// syntax error.
struct ZohoJSONQuickReader {
    private static let posix = Locale(identifier: "en_US_POSIX")
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    private init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The object `bytes` holds, or nil when the document is outside the plain subset (or not JSON).
    static func object(_ bytes: [UInt8]) -> ZohoJSON? {
        var reader = ZohoJSONQuickReader(bytes)
        reader.skipWhitespace()
        guard reader.peek == UInt8(ascii: "{"), let value = reader.value() else { return nil }
        reader.skipWhitespace()
        return reader.position == bytes.count ? value : nil
    }

    private var peek: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while let byte = peek, byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    private mutating func value() -> ZohoJSON? {
        skipWhitespace()
        guard let byte = peek else { return nil }
        switch byte {
        case UInt8(ascii: "{"): return object()
        case UInt8(ascii: "["): return array()
        case UInt8(ascii: "\""): return string().map(ZohoJSON.string)
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        default: return number()
        }
    }

    private mutating func object() -> ZohoJSON? {
        guard depth < 64 else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var members: [(String, ZohoJSON)] = []
        var names = Set<String>()
        skipWhitespace()
        if peek == UInt8(ascii: "}") {
            position += 1
            return .object(ZohoJSONObject())
        }
        while true {
            skipWhitespace()
            guard peek == UInt8(ascii: "\""), let name = string(), names.insert(name).inserted else { return nil }
            skipWhitespace()
            guard peek == UInt8(ascii: ":") else { return nil }
            position += 1
            guard let member = value() else { return nil }
            members.append((name, member))
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek == UInt8(ascii: "}") {
                position += 1
                break
            } else {
                return nil
            }
        }
        // `ZohoJSON.init(from:)` does not keep member order: it sorts the names.
        members.sort { $0.0 < $1.0 }
        return .object(ZohoJSONObject(members))
    }

    private mutating func array() -> ZohoJSON? {
        guard depth < 64 else { return nil }
        depth += 1
        defer { depth -= 1 }
        position += 1
        var elements: [ZohoJSON] = []
        skipWhitespace()
        if peek == UInt8(ascii: "]") {
            position += 1
            return .array([])
        }
        while true {
            guard let element = value() else { return nil }
            elements.append(element)
            skipWhitespace()
            if peek == UInt8(ascii: ",") {
                position += 1
            } else if peek == UInt8(ascii: "]") {
                position += 1
                return .array(elements)
            } else {
                return nil
            }
        }
    }

    private mutating func string() -> String? {
        position += 1
        var scalars: [UInt8] = []
        while let byte = peek {
            position += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = peek else { return nil }
                position += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escaped)
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                default: return nil
                }
            case 0x20...0x7F: scalars.append(byte)
            default: return nil
            }
        }
        return nil
    }

    private mutating func literal(_ word: String, _ result: ZohoJSON) -> ZohoJSON? {
        for expected in word.utf8 {
            guard peek == expected else { return nil }
            position += 1
        }
        return result
    }

    /// `-?(0|[1-9][0-9]*)(.[0-9]+)?` with at most 18 digits, converted as `JSONDecoder` converts it.
    private mutating func number() -> ZohoJSON? {
        let start = position
        if peek == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        skipDigits()
        let integerDigits = position - integerStart
        guard integerDigits > 0, integerDigits == 1 || bytes[integerStart] != UInt8(ascii: "0") else { return nil }
        var fractionDigits = 0
        if peek == UInt8(ascii: ".") {
            position += 1
            let fractionStart = position
            skipDigits()
            fractionDigits = position - fractionStart
            guard fractionDigits > 0 else { return nil }
        }
        guard integerDigits + fractionDigits <= 18, let next = peek,
            next == UInt8(ascii: ",") || next == UInt8(ascii: "}") || next == UInt8(ascii: "]") || next == 0x20
                || next == 0x0A || next == 0x0D || next == 0x09
        else { return nil }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        return Decimal(string: text, locale: Self.posix).map(ZohoJSON.number)
    }

    private mutating func skipDigits() {
        while let byte = peek, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { position += 1 }
    }
}
