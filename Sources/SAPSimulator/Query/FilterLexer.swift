import Foundation

/// A token of the `$filter` language.
enum FilterToken: Sendable, Hashable {
    case identifier(String)
    case literal(ODataValue)
    case openParen
    case closeParen
    case comma
}

/// Splits a `$filter` string into tokens: identifiers/keywords, literals (`'O''Neil'`, `datetime'…'`,
/// `datetimeoffset'…'`, `time'…'`, `guid'…'`, `12`, `12.5M`, `64L`, `1.5d`, `true`, `false`, `null`), parentheses and commas.
struct FilterLexer {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    /// Tokens with their start positions (1-based, as Gateway reports them).
    mutating func tokens() throws(FilterError) -> [(FilterToken, Int)] {
        var result: [(FilterToken, Int)] = []
        while true {
            while index < characters.count, characters[index].isWhitespace { index += 1 }
            guard index < characters.count else { return result }
            let start = index
            let token = try next()
            result.append((token, start + 1))
        }
    }

    private mutating func next() throws(FilterError) -> FilterToken {
        let character = characters[index]
        switch character {
        case "(": index += 1; return .openParen
        case ")": index += 1; return .closeParen
        case ",": index += 1; return .comma
        case "'": return .literal(.string(try quoted()))
        case _ where character.isASCIIDigit || (character == "-" && peekIsDigit()): return .literal(try number())
        case _ where character.isLetter || character == "_": return try word()
        default: throw invalid(at: index)
        }
    }

    private func peekIsDigit() -> Bool { index + 1 < characters.count && characters[index + 1].isASCIIDigit }

    private func invalid(at position: Int) -> FilterError {
        FilterError(message: "Invalid token detected at position \(position + 1)")
    }

    /// Reads `'…'` with `''` standing for one quote.
    private mutating func quoted() throws(FilterError) -> String {
        let start = index
        index += 1
        var text = ""
        while index < characters.count {
            let character = characters[index]
            if character == "'" {
                if index + 1 < characters.count, characters[index + 1] == "'" {
                    text.append("'")
                    index += 2
                    continue
                }
                index += 1
                return text
            }
            text.append(character)
            index += 1
        }
        throw invalid(at: start)
    }

    private mutating func number() throws(FilterError) -> ODataValue {
        let start = index
        if characters[index] == "-" { index += 1 }
        while index < characters.count, characters[index].isASCIIDigit || characters[index] == "." { index += 1 }
        let text = String(characters[start..<index])
        var suffix: Character?
        if index < characters.count, "MmLlDdFf".contains(characters[index]) {
            suffix = characters[index]
            index += 1
        }
        if index < characters.count, characters[index].isLetter { throw invalid(at: start) }
        guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
            throw invalid(at: start)
        }
        if suffix == nil || suffix == "L" || suffix == "l", !text.contains("."), let integer = Int64(text) {
            return .int(integer)
        }
        return .decimal(value)
    }

    private mutating func word() throws(FilterError) -> FilterToken {
        let start = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
                || characters[index] == "/" || characters[index] == "."
        {
            index += 1
        }
        let word = String(characters[start..<index])
        if index < characters.count, characters[index] == "'" {
            let body = try quoted()
            return .literal(try typedLiteral(prefix: word, body: body, at: start))
        }
        switch word {
        case "true": return .literal(.bool(true))
        case "false": return .literal(.bool(false))
        case "null": return .literal(.null)
        default: return .identifier(word)
        }
    }

    private func typedLiteral(prefix: String, body: String, at start: Int) throws(FilterError) -> ODataValue {
        switch prefix.lowercased() {
        case "datetime":
            guard !body.hasSuffix("Z"), let date = EDMFormat.parseISO(body) else { throw invalid(at: start) }
            return .dateTime(date)
        case "datetimeoffset":
            guard let date = EDMFormat.parseISO(body) else { throw invalid(at: start) }
            return .dateTimeOffset(date)
        case "time":
            guard let seconds = EDMFormat.parseTime(body) else { throw invalid(at: start) }
            return .time(seconds)
        case "guid":
            return .guid(body.lowercased())
        default:
            throw invalid(at: start)
        }
    }
}
