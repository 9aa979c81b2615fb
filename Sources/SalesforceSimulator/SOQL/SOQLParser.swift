import Foundation

/// Parses a SOQL SELECT statement: field lists with parent paths and child subqueries, WHERE with AND/OR/NOT
/// and parentheses, `= != <> < <= > >=`, `IN`/`NOT IN`, `LIKE`, ORDER BY (ASC/DESC, NULLS FIRST/LAST), LIMIT and
/// OFFSET (SOQL and SOSL Reference, "SOQL SELECT Syntax").
struct SOQLParser {
    private let tokens: [SOQLToken]
    private var position = 0

    private init(tokens: [SOQLToken]) {
        self.tokens = tokens
    }

    /// Parses `statement`.
    /// - Throws: `SOQLError.malformed` with the message Salesforce gives (`unexpected token: …`).
    static func parse(_ statement: String) throws(SOQLError) -> SOQLStatement {
        var parser = SOQLParser(tokens: try SOQLLexer.tokenize(statement))
        let query = try parser.parseSelect()
        guard parser.current.kind == .end else { throw parser.unexpected() }
        return query
    }

    private var current: SOQLToken { tokens[position] }

    private func unexpected() -> SOQLError {
        .malformed("unexpected token: \(current.text)", offset: current.offset)
    }

    private func isKeyword(_ keyword: String) -> Bool {
        if case .identifier(let name) = current.kind { return name.uppercased() == keyword }
        return false
    }

    private func isSymbol(_ symbol: String) -> Bool {
        current.kind == .symbol(symbol)
    }

    private mutating func expectKeyword(_ keyword: String) throws(SOQLError) {
        guard isKeyword(keyword) else { throw unexpected() }
        position += 1
    }

    private mutating func expectSymbol(_ symbol: String) throws(SOQLError) {
        guard isSymbol(symbol) else { throw unexpected() }
        position += 1
    }

    private static let reserved: Set<String> = [
        "SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "NULL", "TRUE", "FALSE", "ORDER", "BY", "ASC",
        "DESC", "NULLS", "FIRST", "LAST", "LIMIT", "OFFSET", "GROUP", "HAVING",
    ]

    private mutating func name() throws(SOQLError) -> (String, Int) {
        guard case .identifier(let text) = current.kind, !Self.reserved.contains(text.uppercased()) else {
            throw unexpected()
        }
        let offset = current.offset
        position += 1
        return (text, offset)
    }

    private mutating func parseSelect() throws(SOQLError) -> SOQLStatement {
        try expectKeyword("SELECT")
        var items: [SOQLStatement.SelectItem] = []
        repeat {
            if !items.isEmpty { position += 1 }
            items.append(try parseSelectItem())
        } while isSymbol(",")
        try expectKeyword("FROM")
        let (from, fromOffset) = try name()
        var statement = SOQLStatement(
            items: items, from: from, fromOffset: fromOffset, condition: nil, orderBy: [], limit: nil, offset: nil)
        if isKeyword("WHERE") {
            position += 1
            statement.condition = try parseOr()
        }
        if isKeyword("ORDER") {
            position += 1
            try expectKeyword("BY")
            repeat {
                if !statement.orderBy.isEmpty { position += 1 }
                statement.orderBy.append(try parseOrdering())
            } while isSymbol(",")
        }
        if isKeyword("LIMIT") {
            position += 1
            statement.limit = try integer()
        }
        if isKeyword("OFFSET") {
            position += 1
            statement.offset = try integer()
        }
        return statement
    }

    private mutating func integer() throws(SOQLError) -> Int {
        guard case .number(let value) = current.kind, let integer = Int(current.text), Decimal(integer) == value,
            integer >= 0
        else { throw unexpected() }
        position += 1
        return integer
    }

    private mutating func parseSelectItem() throws(SOQLError) -> SOQLStatement.SelectItem {
        if isSymbol("(") {
            position += 1
            let subquery = try parseSelect()
            try expectSymbol(")")
            return .subquery(subquery)
        }
        if isKeyword("COUNT"), position + 2 < tokens.count, tokens[position + 1].kind == .symbol("("),
            tokens[position + 2].kind == .symbol(")")
        {
            position += 3
            return .count
        }
        let (path, offset) = try name()
        return .field(path: path.split(separator: ".").map(String.init), offset: offset)
    }

    private mutating func parseOrdering() throws(SOQLError) -> SOQLStatement.Ordering {
        let (path, offset) = try name()
        var ascending = true
        if isKeyword("ASC") {
            position += 1
        } else if isKeyword("DESC") {
            position += 1
            ascending = false
        }
        var nullsFirst = ascending
        if isKeyword("NULLS") {
            position += 1
            if isKeyword("FIRST") {
                nullsFirst = true
            } else if isKeyword("LAST") {
                nullsFirst = false
            } else {
                throw unexpected()
            }
            position += 1
        }
        return .init(path: path.split(separator: ".").map(String.init), offset: offset, ascending: ascending, nullsFirst: nullsFirst)
    }

    private mutating func parseOr() throws(SOQLError) -> SOQLStatement.Condition {
        var condition = try parseAnd()
        while isKeyword("OR") {
            position += 1
            condition = .or(condition, try parseAnd())
        }
        return condition
    }

    private mutating func parseAnd() throws(SOQLError) -> SOQLStatement.Condition {
        var condition = try parseUnary()
        while isKeyword("AND") {
            position += 1
            condition = .and(condition, try parseUnary())
        }
        return condition
    }

    private mutating func parseUnary() throws(SOQLError) -> SOQLStatement.Condition {
        if isKeyword("NOT") {
            position += 1
            return .not(try parseUnary())
        }
        if isSymbol("(") {
            position += 1
            let condition = try parseOr()
            try expectSymbol(")")
            return condition
        }
        return try parsePredicate()
    }

    private mutating func parsePredicate() throws(SOQLError) -> SOQLStatement.Condition {
        let (text, offset) = try name()
        let path = text.split(separator: ".").map(String.init)
        if isKeyword("LIKE") {
            position += 1
            guard case .string(_, let pattern) = current.kind else { throw unexpected() }
            position += 1
            return .like(path: path, offset: offset, pattern)
        }
        if isKeyword("IN") || isKeyword("NOT") {
            let negated = isKeyword("NOT")
            position += 1
            if negated { try expectKeyword("IN") }
            try expectSymbol("(")
            var values: [SOQLStatement.Literal] = []
            repeat {
                if !values.isEmpty { position += 1 }
                values.append(try literal())
            } while isSymbol(",")
            try expectSymbol(")")
            return .membership(path: path, offset: offset, values, negated: negated)
        }
        guard case .symbol(let symbol) = current.kind else { throw unexpected() }
        let comparison: SOQLStatement.ComparisonOperator
        switch symbol {
        case "=": comparison = .equal
        case "!=", "<>": comparison = .notEqual
        case "<": comparison = .less
        case "<=": comparison = .lessOrEqual
        case ">": comparison = .greater
        case ">=": comparison = .greaterOrEqual
        default: throw unexpected()
        }
        position += 1
        return .comparison(path: path, offset: offset, comparison, try literal())
    }

    private mutating func literal() throws(SOQLError) -> SOQLStatement.Literal {
        let token = current
        let value: SOQLStatement.Literal
        switch token.kind {
        case .string(let text, let pattern): value = .string(text, pattern: pattern)
        case .number(let number): value = .number(number)
        case .date(let date): value = .date(date)
        case .dateTime(let date): value = .dateTime(date)
        case .identifier(let word) where word.uppercased() == "NULL": value = .null
        case .identifier(let word) where word.uppercased() == "TRUE": value = .bool(true)
        case .identifier(let word) where word.uppercased() == "FALSE": value = .bool(false)
        default: throw unexpected()
        }
        position += 1
        return value
    }
}
