import Foundation

/// The part of an OData URL after the service root, e.g. `A_SalesOrder('4000043')/to_Item` or `A_X/$count`.
struct ResourcePath: Sendable, Hashable {
    /// One path segment: an entity set or navigation name with an optional key predicate.
    struct Segment: Sendable, Hashable {
        var name: String
        /// Raw key predicate inside the parentheses (`'4000043'` or `SalesOrder='1',SalesOrderItem='10'`).
        var keyPredicate: String?
    }

    var segments: [Segment]
    /// True when the path ends in `/$count`.
    var isCount: Bool

    /// Splits a percent-decoded path remainder into segments.
    /// - Returns: nil for a syntactically broken path (unbalanced parentheses or quotes).
    static func parse(_ text: String) -> ResourcePath? {
        var segments: [Segment] = []
        var isCount = false
        for raw in splitOutsideQuotes(text, separator: "/") where !raw.isEmpty {
            if raw == "$count" {
                isCount = true
                continue
            }
            guard !isCount else { return nil }
            if let open = raw.firstIndex(of: "(") {
                guard raw.hasSuffix(")") else { return nil }
                let name = String(raw[..<open])
                let inner = String(raw[raw.index(after: open)..<raw.index(before: raw.endIndex)])
                segments.append(Segment(name: name, keyPredicate: inner))
            } else {
                segments.append(Segment(name: raw, keyPredicate: nil))
            }
        }
        return ResourcePath(segments: segments, isCount: isCount)
    }

    /// Parses a key predicate against the entity type's keys.
    /// - Returns: key property → value, or nil when names/count/literals do not fit the keys.
    static func keyValues(_ predicate: String, type: EntityTypeModel) -> [String: ODataValue]? {
        let parts = splitOutsideQuotes(predicate, separator: ",")
        var values: [String: ODataValue] = [:]
        if parts.count == 1, !parts[0].contains("=") || parts[0].hasPrefix("'") {
            guard type.keys.count == 1, let property = type.property(type.keys[0]),
                let value = property.value(fromKeyLiteral: parts[0])
            else { return nil }
            return [property.name: value]
        }
        for part in parts {
            guard let equals = part.firstIndex(of: "=") else { return nil }
            let name = part[..<equals].trimmingCharacters(in: .whitespaces)
            guard type.keys.contains(name), let property = type.property(name),
                let value = property.value(fromKeyLiteral: String(part[part.index(after: equals)...]))
            else { return nil }
            values[name] = value
        }
        return values.count == type.keys.count ? values : nil
    }

    /// Splits on `separator` where it is not inside a quoted literal.
    static func splitOutsideQuotes(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var inQuotes = false
        for character in text {
            if character == "'" { inQuotes.toggle() }
            if character == separator && !inQuotes {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}
