import Foundation
import SyncHTTP

/// The query options of one OData V2 request, in order.
///
/// Option names are fixed ASCII (`$filter`, `$top`, `sap-client`) and sent as they are; every value is
/// percent-encoded with SyncHTTP's ``percentEncodeQueryValue(_:)`` (space `%20`, `'` `%27`, `:` `%3A`, `+` `%2B`),
/// so `$filter` text built with ``ODataLiteral`` arrives intact. Source: `reference/sap.md` §3.
struct ODataQuery: Sendable, Equatable {
    /// `(name, raw value)` pairs in the order sent.
    var items: [Item] = []

    struct Item: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// Appends an option.
    mutating func add(_ name: String, _ value: String) {
        items.append(Item(name: name, value: value))
    }

    /// Replaces the value of an option, or appends it.
    mutating func set(_ name: String, _ value: String) {
        if let index = items.firstIndex(where: { $0.name == name }) {
            items[index].value = value
        } else {
            add(name, value)
        }
    }

    /// `name=value&...` with the values percent-encoded.
    var encoded: String {
        items.map { "\($0.name)=\(percentEncodeQueryValue($0.value))" }.joined(separator: "&")
    }
}
