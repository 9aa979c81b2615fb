import Foundation

/// Splits a SOQL statement into tokens: names, quoted strings with the documented backslash escapes
/// (`\n \r \t \b \f \" \' \\ \uXXXX`, and `\%` `\_` for LIKE), numbers, unquoted date (`2026-01-31`) and
/// date-time literals (`2026-01-31T10:00:00Z`, `…+01:00`), and operators (SOQL and SOSL Reference, "Quoted String
/// Escape Sequences", "Date Formats and Date Literals").
struct SOQLLexer {
    private let characters: [Character]
    private var index = 0

    init(_ statement: String) {
        characters = Array(statement)
    }

    /// All tokens, ending with `.end`.
    /// - Throws: `SOQLError.malformed` for an unterminated string, a bad escape or an unknown character.
    static func tokenize(_ statement: String) throws(SOQLError) -> [SOQLToken] {
        var lexer = SOQLLexer(statement)
        var tokens: [SOQLToken] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(SOQLError) -> SOQLToken {
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        guard index < characters.count else { return SOQLToken(kind: .end, offset: index, text: "<EOF>") }
        let start = index
        let character = characters[index]
        if character == "'" { return try readString() }
        if character.isNumber || ((character == "-" || character == "+") && peekIsDigit(1))
            || (character == "." && peekIsDigit(1))
        {
            return try readNumberOrDate()
        }
        if character.isLetter || character == "_" {
            while index < characters.count,
                characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                    || characters[index] == "."
            {
                index += 1
            }
            let text = String(characters[start..<index])
            return SOQLToken(kind: .identifier(text), offset: start, text: text)
        }
        for symbol in ["!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ","] where matches(symbol) {
            index += symbol.count
            return SOQLToken(kind: .symbol(symbol), offset: start, text: symbol)
        }
        throw .malformed("unexpected token: \(character)", offset: start)
    }

    private func peekIsDigit(_ distance: Int) -> Bool {
        index + distance < characters.count && characters[index + distance].isNumber
    }

    private func matches(_ symbol: String) -> Bool {
        let symbolCharacters = Array(symbol)
        guard index + symbolCharacters.count <= characters.count else { return false }
        return Array(characters[index..<index + symbolCharacters.count]) == symbolCharacters
    }

    private mutating func readString() throws(SOQLError) -> SOQLToken {
        let start = index
        index += 1
        var value = ""
        var pattern: [LikeElement] = []
        while index < characters.count {
            let character = characters[index]
            index += 1
            switch character {
            case "'":
                let text = String(characters[start..<index])
                return SOQLToken(kind: .string(value: value, pattern: pattern), offset: start, text: text)
            case "\\":
                guard index < characters.count else { break }
                let escape = characters[index]
                index += 1
                let decoded: Character
                switch escape {
                case "n", "N": decoded = "\n"
                case "r", "R": decoded = "\r"
                case "t", "T": decoded = "\t"
                case "b", "B": decoded = "\u{08}"
                case "f", "F": decoded = "\u{0C}"
                case "\"", "'", "\\", "%", "_": decoded = escape
                case "u":
                    guard index + 4 <= characters.count,
                        let code = UInt32(String(characters[index..<index + 4]), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { throw .malformed("Invalid string literal '\\u'", offset: index - 2) }
                    index += 4
                    decoded = Character(scalar)
                default:
                    throw .malformed(
                        "Invalid string literal '\(String(characters[start..<min(index, characters.count)]))'. Illegal character sequence '\\\(escape)' in string literal.",
                        offset: start)
                }
                value.append(decoded)
                pattern.append(.literal(decoded))
            case "%":
                value.append(character)
                pattern.append(.anyMany)
            case "_":
                value.append(character)
                pattern.append(.anyOne)
            default:
                value.append(character)
                pattern.append(.literal(character))
            }
        }
        throw .malformed("unexpected token: \(String(characters[start...]))", offset: start)
    }

    private mutating func readNumberOrDate() throws(SOQLError) -> SOQLToken {
        let start = index
        index += 1
        let allowed = Set("0123456789.-+:TZtz")
        while index < characters.count, allowed.contains(characters[index]) { index += 1 }
        var text = String(characters[start..<index])
        if text.count >= 10, text.first?.isNumber == true, Array(text)[4] == "-" {
            if text.count == 10, let date = SalesforceDateFormat.parseDate(text) {
                return SOQLToken(kind: .date(date), offset: start, text: text)
            }
            if let dateTime = SalesforceDateFormat.parseDateTime(text) {
                return SOQLToken(kind: .dateTime(dateTime), offset: start, text: text)
            }
            throw .malformed("line 1:\(start) no viable alternative at character '\(text)'", offset: start)
        }
        // Plain number: stop at characters that cannot continue it.
        index = start + 1
        while index < characters.count, characters[index].isNumber || characters[index] == "." { index += 1 }
        text = String(characters[start..<index])
        guard let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw .malformed("unexpected token: \(text)", offset: start)
        }
        return SOQLToken(kind: .number(number), offset: start, text: text)
    }
}
