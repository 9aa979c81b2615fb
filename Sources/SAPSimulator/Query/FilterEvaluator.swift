import Foundation

/// Evaluates a `FilterExpression` against one entity, using the EDMX entity type for property types.
struct FilterEvaluator {
    let type: EntityTypeModel

    /// True when `record` satisfies `expression`.
    /// - Throws: `FilterError` for unknown properties, wrong function arguments or incomparable types.
    func matches(_ expression: FilterExpression, _ record: EntityRecord) throws(FilterError) -> Bool {
        guard case .bool(let result) = try evaluate(expression, record) else {
            throw FilterError(message: "Filter expression is not a Boolean expression")
        }
        return result
    }

    /// Evaluates any sub-expression to a value.
    func evaluate(_ expression: FilterExpression, _ record: EntityRecord) throws(FilterError) -> ODataValue {
        switch expression {
        case .literal(let value):
            return value
        case .property(let name):
            guard let property = type.property(name) else {
                throw FilterError(message: "Property \(name) not found in type \(type.name)")
            }
            return record[name] ?? property.initialValue
        case .and(let left, let right):
            let first = try matches(left, record)
            return .bool(first ? try matches(right, record) : false)
        case .or(let left, let right):
            let first = try matches(left, record)
            return .bool(first ? true : try matches(right, record))
        case .not(let inner):
            return .bool(!(try matches(inner, record)))
        case .compare(let op, let left, let right):
            let alpha = isAlphaOperand(left) && isAlphaOperand(right)
            return .bool(try FilterEvaluator.compare(op, try evaluate(left, record), try evaluate(right, record), alpha: alpha))
        case .call(let name, let arguments):
            var values: [ODataValue] = []
            for argument in arguments { values.append(try evaluate(argument, record)) }
            return try FilterEvaluator.call(name, values)
        }
    }

    /// False for a property without ALPHA conversion; true for any other operand.
    private func isAlphaOperand(_ side: FilterExpression) -> Bool {
        guard case .property(let name) = side else { return true }
        return type.property(name)?.usesAlphaConversion ?? false
    }

    /// Applies a comparison operator with OData null semantics (null equals only null; orderings with null are false).
    /// `alpha`: digit-only strings compare without leading zeros (ALPHA-converted fields such as document numbers).
    static func compare(
        _ op: FilterExpression.Comparison, _ left: ODataValue, _ right: ODataValue, alpha: Bool = true
    ) throws(FilterError) -> Bool {
        if left == .null || right == .null {
            switch op {
            case .eq: return left == right
            case .ne: return left != right
            default: return false
            }
        }
        let order = try ordering(left, right, alpha: alpha)
        switch op {
        case .eq: return order == .orderedSame
        case .ne: return order != .orderedSame
        case .gt: return order == .orderedDescending
        case .ge: return order != .orderedAscending
        case .lt: return order == .orderedAscending
        case .le: return order != .orderedDescending
        }
    }

    /// Orders two non-null values of compatible types.
    /// - Throws: `FilterError` when the types cannot be compared.
    static func ordering(_ left: ODataValue, _ right: ODataValue, alpha: Bool = true) throws(FilterError) -> ComparisonResult {
        switch (left, right) {
        case (.string(let a), .string(let b)):
            return alpha ? alphaOrder(a, b) : order(a, b)
        case (.guid(let a), .guid(let b)), (.guid(let a), .string(let b)), (.string(let a), .guid(let b)):
            return order(a.lowercased(), b.lowercased())
        case (.bool(let a), .bool(let b)):
            return a == b ? .orderedSame : (a ? .orderedDescending : .orderedAscending)
        case (.time(let a), .time(let b)):
            return order(a, b)
        default:
            if let a = left.decimalValue, let b = right.decimalValue { return order(a, b) }
            if let a = left.dateValue, let b = right.dateValue { return order(a, b) }
            throw FilterError(message: "Operands of incompatible types in filter expression")
        }
    }

    private static func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult {
        a == b ? .orderedSame : (a < b ? .orderedAscending : .orderedDescending)
    }

    /// `order(alphaKey(a), alphaKey(b))` without building the padded keys when both sides are digit-only (numbers
    /// up to 40 digits: by significant length, then digits) or neither is (plain order).
    private static func alphaOrder(_ a: String, _ b: String) -> ComparisonResult {
        let digitsA = significantDigits(a), digitsB = significantDigits(b)
        switch (digitsA, digitsB) {
        case (nil, nil):
            return order(a, b)
        case (.some(let lengthA), .some(let lengthB)) where lengthA <= 40 && lengthB <= 40:
            if lengthA != lengthB { return lengthA < lengthB ? .orderedAscending : .orderedDescending }
            let tailA = a.utf8.dropFirst(a.utf8.count - lengthA), tailB = b.utf8.dropFirst(b.utf8.count - lengthB)
            for (x, y) in zip(tailA, tailB) where x != y { return x < y ? .orderedAscending : .orderedDescending }
            return .orderedSame
        default:
            return order(alphaKey(a), alphaKey(b))
        }
    }

    /// For a non-empty digit-only string, the digit count without leading zeros (1 for all zeros); else nil.
    private static func significantDigits(_ text: String) -> Int? {
        var count = 0, leadingZeros = 0, seenNonZero = false
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            count += 1
            if byte == 0x30, !seenNonZero { leadingZeros += 1 } else { seenNonZero = true }
        }
        guard count > 0 else { return nil }
        return seenNonZero ? count - leadingZeros : 1
    }

    /// Digit-only strings compare as numbers without leading zeros (SAP ALPHA input conversion of keys).
    private static func alphaKey(_ text: String) -> String {
        let stripped = EDMFormat.strippingLeadingZeros(text)
        guard stripped != text || (!text.isEmpty && text.allSatisfy(\.isASCIIDigit)) else { return text }
        return String(repeating: "0", count: max(0, 40 - stripped.count)) + stripped
    }

    private static func call(_ name: String, _ values: [ODataValue]) throws(FilterError) -> ODataValue {
        let strings = values.map { $0.stringValue }
        switch name {
        case "substringof":
            guard let needle = strings[0], let haystack = strings[1] else { throw badArguments(name) }
            return .bool(haystack.contains(needle))
        case "startswith":
            guard let haystack = strings[0], let prefix = strings[1] else { throw badArguments(name) }
            return .bool(haystack.hasPrefix(prefix))
        case "endswith":
            guard let haystack = strings[0], let suffix = strings[1] else { throw badArguments(name) }
            return .bool(haystack.hasSuffix(suffix))
        case "tolower":
            guard let text = strings[0] else { throw badArguments(name) }
            return .string(text.lowercased())
        case "toupper":
            guard let text = strings[0] else { throw badArguments(name) }
            return .string(text.uppercased())
        case "trim":
            guard let text = strings[0] else { throw badArguments(name) }
            return .string(text.trimmingCharacters(in: .whitespaces))
        case "length":
            guard let text = strings[0] else { throw badArguments(name) }
            return .int(Int64(text.count))
        default:
            throw badArguments(name)
        }
    }

    private static func badArguments(_ name: String) -> FilterError {
        FilterError(message: "Invalid parameters for function \(name)")
    }
}
