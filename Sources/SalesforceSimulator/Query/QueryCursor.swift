/// The snapshot of a query's rendered rows, served page by page through `nextRecordsUrl` locators.
struct QueryCursor: Sendable {
    var rows: [JSONValue]
    /// Page weight of each row (1 + its child rows; child rows count toward the batch size).
    var weights: [Int]
    var batchSize: Int

    /// The page starting at row `offset`: as many rows as fit in `batchSize` (at least one), and the next offset
    /// or nil when done.
    func page(from offset: Int) -> (rows: [JSONValue], next: Int?) {
        var end = offset
        var used = 0
        while end < rows.count, end == offset || used + weights[end] <= batchSize {
            used += weights[end]
            end += 1
        }
        return (Array(rows[offset..<end]), end < rows.count ? end : nil)
    }
}
