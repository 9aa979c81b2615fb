/// A parsed OData V2 `$filter` expression.
indirect enum FilterExpression: Sendable, Hashable {
    /// Comparison operators of `$filter`.
    enum Comparison: String, Sendable, Hashable, CaseIterable {
        case eq, ne, gt, ge, lt, le
    }

    case and(FilterExpression, FilterExpression)
    case or(FilterExpression, FilterExpression)
    case not(FilterExpression)
    case compare(Comparison, FilterExpression, FilterExpression)
    /// A canonical function call such as `substringof('x',Name)`.
    case call(String, [FilterExpression])
    /// A property of the entity (`Material`) or a path (`to_Item/Material`, unsupported in evaluation).
    case property(String)
    case literal(ODataValue)
}

/// A `$filter` that could not be parsed or evaluated; rendered as a 400 V2 error body.
struct FilterError: Error, Sendable, Hashable {
    /// Human-readable reason, e.g. `Invalid token detected at position 12`.
    var message: String
}
