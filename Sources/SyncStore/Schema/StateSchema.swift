/// The state store's schema, described once: every table and the versioned migrations that create them.
///
/// `SQLDialect.sqlite` and `SQLDialect.postgreSQL` render it; `SQLiteStateStore` applies it on open and
/// `crm-sync migrate` applies it to PostgreSQL. Timestamps are UTC; money and quantities are exact decimals.
public enum StateSchema {
    /// The migrations in the order they are applied.
    public static let migrations: [SchemaMigration] = [
        SchemaMigration("v1", createTables: [watermark, accountMapping, dealMapping, productMapping, journal, deadLetter, syncRun]),
        SchemaMigration("v2", createTables: [flowLease, apiQuota]),
    ]

    /// The identifier of the newest migration: the schema version this build expects.
    public static var currentVersion: String { migrations.last!.identifier }

    /// Every table, in creation order.
    public static var tables: [SchemaTable] { migrations.flatMap(\.createTables) }

    /// Stream watermarks (`Watermark`).
    static let watermark = SchemaTable("watermark", columns: [
        SchemaColumn("stream", .text), SchemaColumn("position", .timestamp), SchemaColumn("lastID", .text, nullable: true),
        SchemaColumn("updatedAt", .timestamp),
    ], primaryKey: ["stream"])

    /// Salesforce Account -> SAP Business Partner / Zoho contact (`AccountMapping`).
    static let accountMapping = SchemaTable("accountMapping", columns: [
        SchemaColumn("accountID", .text), SchemaColumn("sapBusinessPartner", .text, nullable: true),
        SchemaColumn("sapCustomer", .text, nullable: true), SchemaColumn("zohoContactID", .text, nullable: true),
        SchemaColumn("zohoContactEmail", .text, nullable: true),
    ], primaryKey: ["accountID"])

    /// Opportunity -> SAP Sales Order / Zoho invoice (`DealMapping`).
    static let dealMapping = SchemaTable("dealMapping", columns: [
        SchemaColumn("opportunityID", .text), SchemaColumn("sapSalesOrder", .text, nullable: true),
        SchemaColumn("zohoInvoiceID", .text, nullable: true), SchemaColumn("zohoInvoiceNumber", .text, nullable: true),
        SchemaColumn("invoiceEmailed", .boolean, default: .false), SchemaColumn("currency", .text, nullable: true),
    ], primaryKey: ["opportunityID"], indexes: [
        .init("dealMapping_zohoInvoiceID", on: ["zohoInvoiceID"], unique: true, where: "zohoInvoiceID IS NOT NULL"),
    ])

    /// Product2 -> SAP Material with the stock last written (`ProductMapping`; stock in the material's base unit).
    static let productMapping = SchemaTable("productMapping", columns: [
        SchemaColumn("product2ID", .text), SchemaColumn("material", .text),
        SchemaColumn("lastWrittenStock", .decimal, nullable: true), SchemaColumn("lastWrittenLowStock", .boolean, nullable: true),
        SchemaColumn("lastWrittenAt", .timestamp, nullable: true),
    ], primaryKey: ["product2ID"])

    /// The action journal (`JournalEntry`), keyed by idempotency key.
    static let journal = SchemaTable("journal", columns: [
        SchemaColumn("idempotencyKey", .text), SchemaColumn("flow", .text), SchemaColumn("kind", .text),
        SchemaColumn("targetSystem", .text), SchemaColumn("recordID", .text), SchemaColumn("status", .text),
        SchemaColumn("attempts", .integer), SchemaColumn("resultReference", .text, nullable: true),
        SchemaColumn("errorCode", .text, nullable: true), SchemaColumn("errorMessage", .text, nullable: true),
        SchemaColumn("createdAt", .timestamp), SchemaColumn("updatedAt", .timestamp),
    ], primaryKey: ["idempotencyKey"], indexes: [
        .init("journal_updatedAt", on: ["updatedAt"]), .init("journal_recordID", on: ["recordID"]),
    ])

    /// Dead letters (`DeadLetter`): the error and the action to replay as JSON.
    static let deadLetter = SchemaTable("deadLetter", columns: [
        SchemaColumn("id", .rowID), SchemaColumn("idempotencyKey", .text), SchemaColumn("flow", .text),
        SchemaColumn("recordID", .text), SchemaColumn("error", .jsonText), SchemaColumn("action", .jsonText),
        SchemaColumn("status", .text), SchemaColumn("alerted", .boolean), SchemaColumn("failures", .integer),
        SchemaColumn("createdAt", .timestamp), SchemaColumn("updatedAt", .timestamp),
    ], unique: [["idempotencyKey"]], indexes: [.init("deadLetter_status", on: ["status"])])

    /// Engine passes (`SyncRun`).
    static let syncRun = SchemaTable("syncRun", columns: [
        SchemaColumn("id", .rowID), SchemaColumn("flow", .text), SchemaColumn("kind", .text), SchemaColumn("outcome", .text),
        SchemaColumn("observed", .integer), SchemaColumn("planned", .integer), SchemaColumn("applied", .integer),
        SchemaColumn("failed", .integer), SchemaColumn("dead", .integer), SchemaColumn("errorMessage", .text, nullable: true),
        SchemaColumn("startedAt", .timestamp), SchemaColumn("finishedAt", .timestamp, nullable: true),
    ], indexes: [.init("syncRun_flow", on: ["flow", "id"])])

    /// One leader per flow (`FlowLease`): holder, fencing token and expiry by the database's clock (UTC).
    static let flowLease = SchemaTable("flow_lease", columns: [
        SchemaColumn("flow", .text), SchemaColumn("holder", .text), SchemaColumn("fencing_token", .bigInteger),
        SchemaColumn("acquired_at", .timestamp), SchemaColumn("renewed_at", .timestamp), SchemaColumn("expires_at", .timestamp),
    ], primaryKey: ["flow"])

    /// Daily API quota used per system (`APIQuotaUsage`; requests).
    static let apiQuota = SchemaTable("api_quota", columns: [
        SchemaColumn("system", .text), SchemaColumn("used", .bigInteger), SchemaColumn("daily_limit", .bigInteger),
        SchemaColumn("observed_at", .timestamp),
    ], primaryKey: ["system"])
}
