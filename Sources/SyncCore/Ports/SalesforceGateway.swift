import Foundation

/// Which Salesforce timestamp the Opportunity stream follows.
///
/// `LastModifiedDate` changes only on user edits (and can be back-dated on import); `SystemModstamp` also moves on
/// automated changes and is indexed. See docs/architecture.md for the trade-off.
public enum ModstampField: String, Sendable, Hashable, Codable, CaseIterable {
    case lastModifiedDate = "LastModifiedDate"
    case systemModstamp = "SystemModstamp"
}

/// A window over the Opportunity stream: `field >= from AND field < to`, ordered by (field, Id).
public struct OpportunityQuery: Sendable, Hashable {
    /// Inclusive lower bound (UTC); `nil` reads from the beginning.
    public var from: Date?
    /// Exclusive upper bound (UTC); `nil` has no upper bound.
    public var to: Date?
    /// The timestamp the window is on.
    public var field: ModstampField
    /// Only `IsWon = true` rows.
    public var onlyWon: Bool
    /// Use `queryAll` (includes deleted rows with `IsDeleted = true`).
    public var includeDeleted: Bool
    /// Only these Ids (at most a few hundred); `nil` for no Id filter.
    public var ids: [String]?

    public init(
        from: Date? = nil, to: Date? = nil, field: ModstampField = .lastModifiedDate, onlyWon: Bool = true,
        includeDeleted: Bool = false, ids: [String]? = nil
    ) {
        self.from = from
        self.to = to
        self.field = field
        self.onlyWon = onlyWon
        self.includeDeleted = includeDeleted
        self.ids = ids
    }
}

/// What the engine needs from Salesforce. Implemented by `SalesforceConnector.SalesforceClient`.
///
/// All methods throw `SyncError` (system `.salesforce`) after the HTTP layer's retries.
public protocol SalesforceGateway: Sendable {
    /// Streams Opportunities with their Account, OpportunityLineItems and contact roles, page by page
    /// (SOQL through `query`/`queryAll`, following `nextRecordsUrl` until `done`), ordered by (field, Id).
    /// Only one page is held in memory at a time.
    /// - Throws: `SyncError` with `.quotaExhausted`, `.authenticationFailed`, `.malformedRequest`, ...
    func forEachOpportunityPage(
        _ query: OpportunityQuery, _ body: @Sendable ([Opportunity]) async throws -> Void
    ) async throws

    /// Streams all Product2 records (Id, ProductCode, Name, stock fields), page by page.
    func forEachProduct2Page(_ body: @Sendable ([Product2Record]) async throws -> Void) async throws

    /// Writes Opportunity fields through sObject Collections PATCH (`allOrNone=false`), 200 per call.
    /// - Returns: one result per input, in input order.
    func updateOpportunities(_ writeBacks: [OpportunityWriteBack]) async throws -> [RecordWriteResult]

    /// Writes Product2 stock fields through sObject Collections PATCH (`allOrNone=false`), 200 per call.
    /// - Returns: one result per input, in input order.
    func updateProduct2Stock(_ updates: [Product2StockUpdate]) async throws -> [RecordWriteResult]

    /// The org's instance URL (for links in alerts), known after the first token.
    func instanceURL() async -> String?

    /// The last seen API usage from `Sforce-Limit-Info: api-usage=used/allowance`.
    func quota() async -> QuotaSnapshot?
}

/// API usage of one system for its current window.
public struct QuotaSnapshot: Sendable, Hashable, Codable {
    /// Calls used in the window.
    public var used: Int
    /// Calls allowed in the window.
    public var limit: Int
    /// When the window resets, if the system says (Zoho `X-Rate-Limit-Reset`).
    public var resetsAt: Date?
    /// When this was read (UTC).
    public var observedAt: Date

    public init(used: Int, limit: Int, resetsAt: Date?, observedAt: Date) {
        self.used = used
        self.limit = limit
        self.resetsAt = resetsAt
        self.observedAt = observedAt
    }

    /// `used / limit`, 0 when the limit is 0.
    public var usedShare: Double { limit > 0 ? Double(used) / Double(limit) : 0 }
}
