extension SchemaTable {
    /// The table's column names, comma-separated, in schema order (the order `upsertSQL` binds its arguments in).
    var columnList: String {
        columns.map(\.name).joined(separator: ", ")
    }

    /// `INSERT INTO table (every column) VALUES (?, ...) ON CONFLICT (primary key) DO UPDATE SET` every other column
    /// `= excluded.column`: writes a whole row whether or not it exists, as one statement counted as one changed row.
    ///
    /// Arguments are bound in schema column order. Only for tables keyed by `primaryKey` (not by a row id); another
    /// uniqueness constraint (such as `dealMapping_zohoInvoiceID`) still fails the statement when violated.
    var upsertSQL: String {
        let placeholders = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let updates = columns.map(\.name).filter { !primaryKey.contains($0) }.map { "\($0) = excluded.\($0)" }
        return "INSERT INTO \(name) (\(columnList)) VALUES (\(placeholders)) ON CONFLICT (\(primaryKey.joined(separator: ", "))) "
            + "DO UPDATE SET \(updates.joined(separator: ", "))"
    }

    /// `SELECT` every column `FROM table WHERE column IN (?, ...)` with `count` placeholders.
    func selectSQL(where column: String, in count: Int) -> String {
        "SELECT \(columnList) FROM \(name) WHERE \(column) IN (\(Array(repeating: "?", count: count).joined(separator: ", ")))"
    }
}
