import Foundation

/// A parsed SOQL SELECT statement (the abstract syntax tree).
struct SOQLStatement: Sendable {
    /// One item of the field list.
    enum SelectItem: Sendable {
        /// A field or a parent path (`Account.Name`): names split on dots.
        case field(path: [String], offset: Int)
        /// A parent-to-child subquery, e.g. `(SELECT Id FROM OpportunityLineItems)`.
        case subquery(SOQLStatement)
        /// `COUNT()`.
        case count
    }

    /// A literal value in a filter.
    enum Literal: Sendable, Equatable {
        case string(String, pattern: [LikeElement])
        case number(Decimal)
        case bool(Bool)
        case null
        case date(Date)
        case dateTime(Date)
    }

    enum ComparisonOperator: String, Sendable {
        case equal = "=", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    }

    /// A WHERE condition.
    indirect enum Condition: Sendable {
        case and(Condition, Condition)
        case or(Condition, Condition)
        case not(Condition)
        case comparison(path: [String], offset: Int, ComparisonOperator, Literal)
        case membership(path: [String], offset: Int, [Literal], negated: Bool)
        case like(path: [String], offset: Int, [LikeElement])
    }

    /// One ORDER BY item.
    struct Ordering: Sendable {
        var path: [String]
        var offset: Int
        var ascending: Bool
        /// Nulls first; defaults to first for ascending and last for descending.
        var nullsFirst: Bool
    }

    var items: [SelectItem]
    /// The sObject (or, in a subquery, the child relationship) name as written.
    var from: String
    var fromOffset: Int
    var condition: Condition?
    var orderBy: [Ordering]
    var limit: Int?
    var offset: Int?

    /// True for `SELECT COUNT() FROM …`.
    var isCount: Bool {
        items.contains { if case .count = $0 { return true } else { return false } }
    }
}
