import Foundation

/// Paging and sorting parameters of a list call (`page`, `per_page`, `sort_column`, `sort_order`; zoho.md §6).
struct ZohoListRequest: Sendable, Equatable {
    var page: Int
    var perPage: Int
    var sortColumn: String
    /// `A` (ascending) or `D` (descending).
    var sortOrder: String

    /// Reads the parameters; `per_page` above `maxPerPage` is capped [ASSUME]; a bad value is code 2.
    init(
        _ query: [String: String], allowedColumns: Set<String>, defaultColumn: String, defaultOrder: String,
        maxPerPage: Int
    ) throws(ZohoAPIError) {
        page = 1
        if let text = query["page"], !text.isEmpty {
            guard let value = Int(text), value >= 1 else { throw .invalidValue("page") }
            page = value
        }
        perPage = maxPerPage
        if let text = query["per_page"], !text.isEmpty {
            guard let value = Int(text), value >= 1 else { throw .invalidValue("per_page") }
            perPage = min(value, maxPerPage)
        }
        sortColumn = defaultColumn
        if let column = query["sort_column"], !column.isEmpty {
            guard allowedColumns.contains(column) else { throw .invalidValue("sort_column") }
            sortColumn = column
        }
        // A column chosen without an order sorts ascending [ASSUME]; the default sort keeps its recorded order.
        sortOrder = query["sort_column"].map { _ in "A" } ?? defaultOrder
        if let order = query["sort_order"], !order.isEmpty {
            guard order == "A" || order == "D" else { throw .invalidValue("sort_order") }
            sortOrder = order
        }
    }

    /// One page of `items` sorted by `ascending` (ties keep `items` order, reversed for `D`).
    func page<Element>(_ items: [Element], ascending: (Element, Element) -> Bool) -> ZohoPage<Element> {
        var sorted = items.enumerated().sorted { lhs, rhs in
            if ascending(lhs.element, rhs.element) { return true }
            if ascending(rhs.element, lhs.element) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
        if sortOrder == "D" { sorted.reverse() }
        let start = min(sorted.count, (page - 1) * perPage)
        let end = min(sorted.count, start + perPage)
        return ZohoPage(
            items: Array(sorted[start..<end]), page: page, perPage: perPage, hasMorePage: end < sorted.count,
            sortColumn: sortColumn, sortOrder: sortOrder)
    }
}

/// One page of a list answer, rendered with `page_context`.
struct ZohoPage<Element> {
    var items: [Element]
    var page: Int
    var perPage: Int
    var hasMorePage: Bool
    var sortColumn: String
    var sortOrder: String

    /// `page_context` with the recorded members (`report_name`, `applied_filter`; invoices add
    /// `seller_app_sales_channels`).
    func context(reportName: String, appliedFilter: String, salesChannels: Bool = false) -> ZohoJSON {
        var members: [(String, ZohoJSON)] = [
            ("page", .int(page)), ("per_page", .int(perPage)), ("has_more_page", .bool(hasMorePage)),
            ("report_name", .string(reportName)), ("applied_filter", .string(appliedFilter)),
            ("custom_fields", .array([])),
        ]
        if salesChannels { members.append(("seller_app_sales_channels", .string(""))) }
        members += [("sort_column", .string(sortColumn)), ("sort_order", .string(sortOrder))]
        return .object(ZohoJSONObject(members))
    }
}

/// Text matching used by the `_startswith` / `_contains` filters (case-insensitive [ASSUME]).
enum ZohoTextMatch {
    static func startsWith(_ value: String, _ prefix: String) -> Bool {
        value.lowercased().hasPrefix(prefix.lowercased())
    }

    static func contains(_ value: String, _ part: String) -> Bool {
        value.lowercased().contains(part.lowercased())
    }
}
