import Foundation

/// One lexical token of a SOQL statement, with its 0-based character offset in the statement.
struct SOQLToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// A name or keyword; dotted paths (`Account.Name`) are one token.
        case identifier(String)
        /// A quoted string: `value` has the escapes applied; `pattern` keeps LIKE's `\%`/`\_` as literals.
        case string(value: String, pattern: [LikeElement])
        case number(Decimal)
        case date(Date)
        case dateTime(Date)
        /// Punctuation and comparison operators: `( ) , = != <> < <= > >=`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var offset: Int
    /// The token's source text (used in `unexpected token` messages).
    var text: String
}

/// One element of a LIKE pattern.
enum LikeElement: Sendable, Equatable {
    case literal(Character)
    /// `_`: exactly one character.
    case anyOne
    /// `%`: zero or more characters.
    case anyMany
}
