import Foundation

/// A strict JSON reader producing `JSONValue`, reading numbers straight into `Decimal` from their text.
enum JSONParser {
    /// A syntax error with the 1-based line and column where it was found.
    struct SyntaxError: Error, Sendable {
        var line: Int
        var column: Int
    }

    static func parse(_ text: String) throws(SyntaxError) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipWhitespace()
        let value = try reader.readValue()
        reader.skipWhitespace()
        guard reader.index == reader.bytes.count else { throw reader.error() }
        return value
    }

    private struct Reader {
        static let numberBytes = Set("+-0123456789.eE".utf8)
        static let posix = Locale(identifier: "en_US_POSIX")
        let bytes: [UInt8]
        var index = 0

        func error() -> SyntaxError {
            var line = 1
            var column = 1
            for byte in bytes[0..<min(index, bytes.count)] {
                if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else { column += 1 }
            }
            return SyntaxError(line: line, column: column)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }

        mutating func readValue() throws(SyntaxError) -> JSONValue {
            guard index < bytes.count else { throw error() }
            switch bytes[index] {
            case UInt8(ascii: "{"): return try readObject()
            case UInt8(ascii: "["): return try readArray()
            case UInt8(ascii: "\""): return .string(try readString())
            case UInt8(ascii: "t"): try expect("true"); return .bool(true)
            case UInt8(ascii: "f"): try expect("false"); return .bool(false)
            case UInt8(ascii: "n"): try expect("null"); return .null
            default: return try readNumber()
            }
        }

        mutating func expect(_ word: String) throws(SyntaxError) {
            for byte in word.utf8 {
                guard index < bytes.count, bytes[index] == byte else { throw error() }
                index += 1
            }
        }

        mutating func readObject() throws(SyntaxError) -> JSONValue {
            index += 1
            var members: [(String, JSONValue)] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error() }
                let key = try readString()
                skipWhitespace()
                try expect(":")
                skipWhitespace()
                members.append((key, try readValue()))
                skipWhitespace()
                guard index < bytes.count else { throw error() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return .object(members) }
                throw error()
            }
        }

        mutating func readArray() throws(SyntaxError) -> JSONValue {
            index += 1
            var values: [JSONValue] = []
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
            while true {
                skipWhitespace()
                values.append(try readValue())
                skipWhitespace()
                guard index < bytes.count else { throw error() }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return .array(values) }
                throw error()
            }
        }

        mutating func readString() throws(SyntaxError) -> String {
            index += 1
            // Most strings hold no escape: take their bytes whole.
            var end = index
            while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
                end += 1
            }
            if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
                defer { index = end + 1 }
                return String(decoding: bytes[index..<end], as: UTF8.self)
            }
            var scalars = String.UnicodeScalarView()
            var raw: [UInt8] = []
            func flush() { scalars.append(contentsOf: String(decoding: raw, as: UTF8.self).unicodeScalars); raw = [] }
            while index < bytes.count {
                let byte = bytes[index]
                index += 1
                switch byte {
                case UInt8(ascii: "\""):
                    flush()
                    return String(scalars)
                case UInt8(ascii: "\\"):
                    flush()
                    guard index < bytes.count else { throw error() }
                    let escape = bytes[index]
                    index += 1
                    switch escape {
                    case UInt8(ascii: "n"): scalars.append("\n")
                    case UInt8(ascii: "t"): scalars.append("\t")
                    case UInt8(ascii: "r"): scalars.append("\r")
                    case UInt8(ascii: "b"): scalars.append("\u{08}")
                    case UInt8(ascii: "f"): scalars.append("\u{0C}")
                    case UInt8(ascii: "u"): scalars.append(try readUnicodeEscape())
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                        scalars.append(Unicode.Scalar(escape))
                    default: throw error()
                    }
                case 0..<0x20:
                    throw error()
                default:
                    raw.append(byte)
                }
            }
            throw error()
        }

        mutating func readHex4() throws(SyntaxError) -> UInt32 {
            guard index + 4 <= bytes.count,
                let value = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
            else { throw error() }
            index += 4
            return value
        }

        mutating func readUnicodeEscape() throws(SyntaxError) -> Unicode.Scalar {
            let high = try readHex4()
            if (0xD800..<0xDC00).contains(high) {
                try expect("\\u")
                let low = try readHex4()
                guard (0xDC00..<0xE000).contains(low),
                    let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
                else { throw error() }
                return scalar
            }
            guard let scalar = Unicode.Scalar(high) else { throw error() }
            return scalar
        }

        mutating func readNumber() throws(SyntaxError) -> JSONValue {
            let start = index
            while index < bytes.count, Self.numberBytes.contains(bytes[index]) { index += 1 }
            let text = String(decoding: bytes[start..<index], as: UTF8.self)
            guard !text.isEmpty, text.first != "+", let value = Decimal(string: text, locale: Self.posix)
            else { throw error() }
            return .number(value)
        }
    }
}
