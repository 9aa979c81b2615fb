import Foundation

/// The system query options of an OData V2 request (`$filter`, `$select`, `$expand`, `$orderby`, `$top`,
/// `$skip`, `$skiptoken`, `$inlinecount`, `$format`), parsed and validated.
struct QueryOptions: Sendable {
    /// One `$orderby` item.
    struct Ordering: Sendable, Hashable {
        var property: String
        var descending: Bool
    }

    var filter: FilterExpression?
    /// `$select` items; nav paths such as `to_Item/Material` kept whole. Empty: all properties.
    var select: [String] = []
    /// `$expand` paths split on `/`, e.g. `[["to_Customer", "to_CustomerSalesArea"]]`.
    var expand: [[String]] = []
    var orderBy: [Ordering] = []
    var top: Int?
    var skip: Int?
    /// Opaque continuation from an earlier `__next` (the simulator writes a row offset).
    var skipToken: String?
    /// `$inlinecount=allpages`.
    var inlineCount = false
    /// `$format` value, lower-cased (`json`, `xml`, `atom`), if given.
    var format: String?
    /// Every query parameter as received (name, decoded value), in order, to rebuild `__next`.
    var parameters: [(String, String)] = []

    /// Parses a raw query string (`a=b&c=d`, percent-encoded).
    /// - Throws: `QueryOptionError` for invalid values (non-numeric `$top`, unknown `$inlinecount`, bad `$filter`).
    static func parse(rawQuery: String?) throws(QueryOptionError) -> QueryOptions {
        var options = QueryOptions()
        for pair in (rawQuery ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let pieces = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = PercentDecoding.decodeQueryItem(pieces[0])
            let value = pieces.count > 1 ? PercentDecoding.decodeQueryItem(pieces[1]) : ""
            options.parameters.append((name, value))
            try options.apply(name: name, value: value)
        }
        return options
    }

    private mutating func apply(name: String, value: String) throws(QueryOptionError) {
        switch name {
        case "$filter":
            do throws(FilterError) {
                filter = try FilterParser.parse(value)
            } catch {
                throw QueryOptionError(message: error.message)
            }
        case "$select":
            select = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        case "$expand":
            expand = value.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces).split(separator: "/").map(String.init)
            }.filter { !$0.isEmpty }
        case "$orderby":
            orderBy = try Self.orderings(value)
        case "$top":
            top = try Self.nonNegative(value, option: name)
        case "$skip":
            skip = try Self.nonNegative(value, option: name)
        case "$skiptoken":
            skipToken = value
        case "$inlinecount":
            switch value {
            case "allpages": inlineCount = true
            case "none": inlineCount = false
            default: throw QueryOptionError(message: "Invalid value '\(value)' for system query option $inlinecount")
            }
        case "$format":
            format = value.lowercased()
        default:
            if name.hasPrefix("$") { throw QueryOptionError(message: "System query option '\(name)' is not supported") }
        }
    }

    private static func nonNegative(_ value: String, option: String) throws(QueryOptionError) -> Int {
        guard let number = Int(value), number >= 0 else {
            throw QueryOptionError(message: "Invalid value '\(value)' for system query option \(option)")
        }
        return number
    }

    private static func orderings(_ value: String) throws(QueryOptionError) -> [Ordering] {
        var result: [Ordering] = []
        for item in value.split(separator: ",") {
            let words = item.split(separator: " ").map(String.init)
            guard let property = words.first, words.count <= 2 else {
                throw QueryOptionError(message: "Invalid value '\(value)' for system query option $orderby")
            }
            let direction = words.count == 2 ? words[1].lowercased() : "asc"
            guard direction == "asc" || direction == "desc" else {
                throw QueryOptionError(message: "Invalid value '\(value)' for system query option $orderby")
            }
            result.append(Ordering(property: property, descending: direction == "desc"))
        }
        return result
    }

    /// The top-level properties named by `$select` (nav paths and `*` excluded); nil when everything is selected.
    var selectedProperties: Set<String>? {
        guard !select.isEmpty, !select.contains("*") else { return nil }
        return Set(select.filter { !$0.contains("/") })
    }

    /// `$select` items under the navigation `name` (`to_Item/Material` → `Material`).
    func selection(under name: String) -> [String] {
        select.compactMap { item in
            let parts = item.split(separator: "/", maxSplits: 1)
            return parts.count == 2 && parts[0] == name ? String(parts[1]) : nil
        }
    }

    /// True when the `select` list names navigation `name` itself or a path under it.
    func selects(navigation name: String) -> Bool {
        select.isEmpty || select.contains("*") || select.contains(name) || select.contains { $0.hasPrefix(name + "/") }
    }
}

/// An invalid system query option; rendered as 400 with the V2 error body.
struct QueryOptionError: Error, Sendable, Hashable {
    var message: String
}
