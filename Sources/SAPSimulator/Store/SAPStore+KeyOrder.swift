import Foundation

/// Each table's key texts in key order (digit-only keys numerically, as SAP's ALPHA keys sort), kept as rows are
/// put and removed, so a read never sorts a whole table and the children of an entity (rows whose leading keys
/// are the entity's keys, e.g. A_SalesOrder -> A_SalesOrderItem) are found by binary search.
struct TableKeyOrder: Sendable {
    /// Table name -> key texts in key order.
    var keys: [String: [String]] = [:]
}

/// Compares entity records by the leading key properties of their type.
struct KeyComparator {
    let keys: [String]
    /// Each key property's initial value (what a missing value reads as).
    let initials: [ODataValue]

    init(type: EntityTypeModel, count: Int? = nil) {
        keys = Array(type.keys.prefix(count ?? type.keys.count))
        initials = keys.map { type.property($0)?.initialValue ?? .null }
    }

    /// The order of `left` and `right` by the keys (as `SAPStore.rows` has always sorted them).
    func order(_ left: EntityRecord, _ right: EntityRecord) -> ComparisonResult {
        for (index, key) in keys.enumerated() {
            let order = order(left[key] ?? initials[index], right[key] ?? initials[index])
            if order != .orderedSame { return order }
        }
        return .orderedSame
    }

    /// The order of `record` against key `values` (the first `values.count` keys).
    func order(_ record: EntityRecord, values: [ODataValue]) -> ComparisonResult {
        for (index, value) in values.enumerated() {
            let order = order(record[keys[index]] ?? initials[index], value)
            if order != .orderedSame { return order }
        }
        return .orderedSame
    }

    private func order(_ left: ODataValue, _ right: ODataValue) -> ComparisonResult {
        (try? FilterEvaluator.ordering(left, right)) ?? .orderedSame
    }
}

extension SAPStore {
    /// Registers a new key of `table` at its place in key order (appending when it sorts last, as seeded and
    /// numbered rows do).
    mutating func orderKey(_ key: String, of record: EntityRecord, in table: String, type: EntityTypeModel) {
        let rows = tables[table] ?? [:]
        let comparator = KeyComparator(type: type)
        var ordered = keyOrder.keys[table] ?? []
        keyOrder.keys[table] = nil
        if let last = ordered.last, let lastRow = rows[last], comparator.order(lastRow, record) == .orderedDescending {
            let position = Self.lowerBound(ordered, rows: rows) { comparator.order($0, record) == .orderedAscending }
            ordered.insert(key, at: position)
        } else {
            ordered.append(key)
        }
        keyOrder.keys[table] = ordered
    }

    /// Drops `keys` of `table` from the key order.
    mutating func unorderKeys(_ keys: Set<String>, in table: String) {
        guard !keys.isEmpty else { return }
        keyOrder.keys[table]?.removeAll { keys.contains($0) }
    }

    /// The rows of `table` in key order.
    func orderedRows(_ table: String) -> [EntityRecord] {
        guard let rows = tables[table] else { return [] }
        return (keyOrder.keys[table] ?? []).compactMap { rows[$0] }
    }

    /// The rows of an entity set whose leading keys equal `values` (non-null), in key order.
    func rows(_ service: String, _ set: String, keyPrefix values: [ODataValue]) -> [EntityRecord] {
        guard let type = catalog.service(named: service)?.type(ofSet: set), values.count <= type.keys.count else { return [] }
        let table = service + "/" + set
        guard let rows = tables[table], let ordered = keyOrder.keys[table] else { return [] }
        let comparator = KeyComparator(type: type, count: values.count)
        var index = Self.lowerBound(ordered, rows: rows) { comparator.order($0, values: values) == .orderedAscending }
        var matches: [EntityRecord] = []
        while index < ordered.count, let row = rows[ordered[index]], comparator.order(row, values: values) == .orderedSame {
            matches.append(row)
            index += 1
        }
        return matches
    }

    /// The first position in `ordered` whose row is not `before`.
    private static func lowerBound(
        _ ordered: [String], rows: [String: EntityRecord], before: (EntityRecord) -> Bool
    ) -> Int {
        var low = 0
        var high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if let row = rows[ordered[middle]], before(row) { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
