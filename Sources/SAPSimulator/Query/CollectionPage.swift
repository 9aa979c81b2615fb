/// Which rows of a filtered, ordered collection one response holds, and the `$skiptoken` of the next page.
///
/// Client paging (`$skip`, `$top`) selects a window; server paging cuts that window into pages of
/// `defaultPageSize` (when `$top` is absent) or `maxPageSize` (always), continued through `__next` whose
/// `$skiptoken` is the offset inside the window.
struct CollectionPage: Sendable, Hashable {
    let range: Range<Int>
    /// Offset inside the window for the next page, or nil when this page ends the window.
    let nextSkipToken: Int?

    init(total: Int, skip: Int, top: Int?, skipToken: Int, defaultPageSize: Int?, maxPageSize: Int?) {
        let windowStart = min(skip, total)
        let windowEnd = top.map { min(total, windowStart + $0) } ?? total
        let start = min(windowStart + max(0, skipToken), windowEnd)
        var limit = windowEnd - start
        var pageSize: Int?
        if top == nil { pageSize = defaultPageSize }
        if let maxPageSize { pageSize = min(pageSize ?? maxPageSize, maxPageSize) }
        if let pageSize { limit = min(limit, max(1, pageSize)) }
        range = start..<(start + limit)
        nextSkipToken = start + limit < windowEnd ? start + limit - windowStart : nil
    }
}
