/// Runs `body` for each item with at most `limit` running at a time (at least one), in the items' order of start,
/// and returns the results in the order they finish.
/// - Throws: the first error `body` throws; the items still running are then cancelled and no further one starts.
func forEachConcurrently<Item: Sendable, Result: Sendable>(
    _ items: [Item], limit: Int, _ body: @escaping @Sendable (Item) async throws -> Result
) async throws -> [Result] {
    try await withThrowingTaskGroup(of: Result.self) { group in
        var next = items.makeIterator()
        for _ in 0..<max(limit, 1) {
            guard let item = next.next() else { break }
            group.addTask { try await body(item) }
        }
        var results: [Result] = []
        while let result = try await group.next() {
            results.append(result)
            if let item = next.next() { group.addTask { try await body(item) } }
        }
        return results
    }
}
