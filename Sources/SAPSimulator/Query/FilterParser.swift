/// Parses a `$filter` string into a `FilterExpression` by recursive descent.
///
/// Precedence (lowest first): `or`, `and`, `not`, comparison (`eq ne gt ge lt le`), primary (parenthesised
/// expression, function call, literal, property).
struct FilterParser {
    /// Functions accepted with their arity.
    static let functions: [String: Int] = [
        "substringof": 2, "startswith": 2, "endswith": 2, "tolower": 1, "toupper": 1, "length": 1, "trim": 1,
    ]

    private let tokens: [(FilterToken, Int)]
    private let length: Int
    private var position = 0

    /// Parses `text`.
    /// - Throws: `FilterError` naming the position of the first invalid token.
    static func parse(_ text: String) throws(FilterError) -> FilterExpression {
        var lexer = FilterLexer(text)
        var parser = FilterParser(tokens: try lexer.tokens(), length: text.count)
        let expression = try parser.orExpression()
        if parser.position < parser.tokens.count { throw parser.invalidHere() }
        return expression
    }

    private init(tokens: [(FilterToken, Int)], length: Int) {
        self.tokens = tokens
        self.length = length
    }

    private func invalidHere() -> FilterError {
        let at = position < tokens.count ? tokens[position].1 : length + 1
        return FilterError(message: "Invalid token detected at position \(at)")
    }

    private var current: FilterToken? { position < tokens.count ? tokens[position].0 : nil }

    private mutating func keyword(_ word: String) -> Bool {
        if case .identifier(let identifier) = current, identifier == word {
            position += 1
            return true
        }
        return false
    }

    private mutating func orExpression() throws(FilterError) -> FilterExpression {
        var left = try andExpression()
        while keyword("or") { left = .or(left, try andExpression()) }
        return left
    }

    private mutating func andExpression() throws(FilterError) -> FilterExpression {
        var left = try unary()
        while keyword("and") { left = .and(left, try unary()) }
        return left
    }

    private mutating func unary() throws(FilterError) -> FilterExpression {
        if keyword("not") { return .not(try unary()) }
        return try comparison()
    }

    private mutating func comparison() throws(FilterError) -> FilterExpression {
        let left = try primary()
        if case .identifier(let word) = current, let op = FilterExpression.Comparison(rawValue: word) {
            position += 1
            return .compare(op, left, try primary())
        }
        return left
    }

    private mutating func primary() throws(FilterError) -> FilterExpression {
        guard let token = current else { throw invalidHere() }
        switch token {
        case .openParen:
            position += 1
            let inner = try orExpression()
            guard current == .closeParen else { throw invalidHere() }
            position += 1
            return inner
        case .literal(let value):
            position += 1
            return .literal(value)
        case .identifier(let name):
            if ["and", "or", "not"].contains(name) || FilterExpression.Comparison(rawValue: name) != nil {
                throw invalidHere()
            }
            position += 1
            if current == .openParen { return try call(name) }
            return .property(name)
        case .closeParen, .comma:
            throw invalidHere()
        }
    }

    private mutating func call(_ name: String) throws(FilterError) -> FilterExpression {
        guard let arity = FilterParser.functions[name] else {
            position -= 1
            throw invalidHere()
        }
        position += 1
        var arguments: [FilterExpression] = []
        if current != .closeParen {
            arguments.append(try orExpression())
            while current == .comma {
                position += 1
                arguments.append(try orExpression())
            }
        }
        guard current == .closeParen, arguments.count == arity else { throw invalidHere() }
        position += 1
        return .call(name, arguments)
    }
}
