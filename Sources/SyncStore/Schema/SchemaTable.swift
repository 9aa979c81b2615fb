/// One table of the state store: columns, primary key and indexes, described once for both backends.
public struct SchemaTable: Sendable, Hashable {
    /// An index on a table.
    public struct Index: Sendable, Hashable {
        /// The index name (unique across the schema).
        public var name: String
        /// The indexed columns, in order.
        public var columns: [String]
        /// Whether the index enforces uniqueness.
        public var unique: Bool
        /// A partial index's condition, as SQL both backends accept (`zohoInvoiceID IS NOT NULL`).
        public var condition: String?

        /// Describes an index.
        public init(_ name: String, on columns: [String], unique: Bool = false, where condition: String? = nil) {
            self.name = name
            self.columns = columns
            self.unique = unique
            self.condition = condition
        }
    }

    /// The table name (never quoted: PostgreSQL folds it to lower case).
    public var name: String
    /// The columns, in order.
    public var columns: [SchemaColumn]
    /// The primary key's columns (empty when a `.rowID` column is the key).
    public var primaryKey: [String]
    /// Column sets that must be unique (a `UNIQUE` constraint in the table).
    public var uniqueColumns: [[String]]
    /// The indexes created with the table.
    public var indexes: [Index]

    /// Describes a table.
    public init(
        _ name: String, columns: [SchemaColumn], primaryKey: [String] = [], unique uniqueColumns: [[String]] = [],
        indexes: [Index] = []
    ) {
        self.name = name
        self.columns = columns
        self.primaryKey = primaryKey
        self.uniqueColumns = uniqueColumns
        self.indexes = indexes
    }

    /// The generated row id column, if the table has one.
    public var rowIDColumn: String? {
        columns.first { $0.type == .rowID }?.name
    }
}
