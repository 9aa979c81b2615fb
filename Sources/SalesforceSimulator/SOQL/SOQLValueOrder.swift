import Foundation

/// Comparison rules of SOQL: text compares case-insensitively (Ids, `exact`, compare ordinally as 18-character
/// Ids in base-62 order `0-9A-Za-z`), date-times at whole seconds, `null` equals only
/// `null` (so `!= 'x'` matches empty fields), LIKE with `%`/`_` is case-insensitive.
enum SOQLValueOrder {
    static func matches(_ value: FieldValue, _ comparison: SOQLStatement.ComparisonOperator,
                        _ literal: SOQLStatement.Literal, exact: Bool) -> Bool {
        let literalValue = fieldValue(literal)
        if value.isNull || literalValue.isNull {
            let bothNull = value.isNull && literalValue.isNull
            switch comparison {
            case .equal: return bothNull
            case .notEqual: return !bothNull
            default: return false
            }
        }
        let order = compare(value, literalValue, exact: exact)
        switch comparison {
        case .equal: return order == .orderedSame
        case .notEqual: return order != .orderedSame
        case .less: return order == .orderedAscending
        case .lessOrEqual: return order != .orderedDescending
        case .greater: return order == .orderedDescending
        case .greaterOrEqual: return order != .orderedAscending
        }
    }

    private static func fieldValue(_ literal: SOQLStatement.Literal) -> FieldValue {
        switch literal {
        case .string(let text, _): return .string(text)
        case .number(let number): return .number(number)
        case .bool(let flag): return .bool(flag)
        case .null: return .null
        case .date(let date): return .date(date)
        case .dateTime(let date): return .dateTime(date)
        }
    }

    /// Orders two non-null values of one type.
    static func compare(_ left: FieldValue, _ right: FieldValue, exact: Bool) -> ComparisonResult {
        switch (left, right) {
        case let (.string(a), .string(b)) where exact:
            return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
        case let (.string(a), .string(b)):
            return a.compare(b, options: [.caseInsensitive], locale: nil)
        case let (.number(a), .number(b)):
            return a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
        case let (.bool(a), .bool(b)):
            return a == b ? .orderedSame : (!a ? .orderedAscending : .orderedDescending)
        case let (.date(a), .date(b)), let (.dateTime(a), .dateTime(b)), let (.date(a), .dateTime(b)),
            let (.dateTime(a), .date(b)):
            let (x, y) = (a.timeIntervalSince1970.rounded(.down), b.timeIntervalSince1970.rounded(.down))
            return x == y ? .orderedSame : (x < y ? .orderedAscending : .orderedDescending)
        default:
            return .orderedSame
        }
    }

    /// Orders two values for ORDER BY, placing nulls as the ordering asks.
    static func compare(_ left: FieldValue, _ right: FieldValue, ordering: SOQLStatement.Ordering, exact: Bool)
        -> ComparisonResult
    {
        switch (left.isNull, right.isNull) {
        case (true, true): return .orderedSame
        case (true, false): return ordering.nullsFirst ? .orderedAscending : .orderedDescending
        case (false, true): return ordering.nullsFirst ? .orderedDescending : .orderedAscending
        case (false, false):
            let order = compare(left, right, exact: exact)
            guard !ordering.ascending else { return order }
            switch order {
            case .orderedAscending: return .orderedDescending
            case .orderedDescending: return .orderedAscending
            case .orderedSame: return .orderedSame
            }
        }
    }

    /// Case-insensitive LIKE match.
    static func like(_ text: String, _ pattern: [LikeElement]) -> Bool {
        let characters = Array(text.lowercased())
        let elements = pattern.map { element -> LikeElement in
            if case .literal(let character) = element {
                let lowered = character.lowercased()
                return .literal(lowered.count == 1 ? Character(lowered) : character)
            }
            return element
        }
        // Dynamic programming over (pattern position, text position).
        var reachable = [Bool](repeating: false, count: characters.count + 1)
        reachable[0] = true
        for element in elements {
            var next = [Bool](repeating: false, count: characters.count + 1)
            for position in 0...characters.count where reachable[position] {
                switch element {
                case .anyMany:
                    for later in position...characters.count { next[later] = true }
                case .anyOne:
                    if position < characters.count { next[position + 1] = true }
                case .literal(let character):
                    if position < characters.count, characters[position] == character { next[position + 1] = true }
                }
            }
            reachable = next
        }
        return reachable[characters.count]
    }
}
