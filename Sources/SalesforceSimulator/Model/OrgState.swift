import Foundation

/// The in-memory org: records by Id, per-type insertion order, Id counters, writes waiting for their commit
/// (commit lag), sessions, API usage and query cursors. Mutated only under the simulator's lock.
struct OrgState: Sendable {
    let schema: Schema
    let multiCurrency: Bool
    let defaultCurrency: String
    /// The standard price book's Id (`01s…`).
    let standardPricebookId: String
    var records: [String: SObjectRecord] = [:]
    var idsByType: [String: [String]] = [:]
    /// Children by parent for every child relationship (kept by `store`).
    var childIndex: ChildIndex
    var counters: [String: Int] = [:]
    var pending: [PendingWrite] = []
    /// Access token -> expiry instant.
    var sessions: [String: Date] = [:]
    /// Instants of counted API calls, oldest first (rolling 24 h window).
    var apiCalls: [Date] = []
    var cursors: [String: QueryCursor] = [:]
    var cursorCounter = 0
    var random: SeededGenerator

    init(schema: Schema, multiCurrency: Bool, defaultCurrency: String, seed: UInt64) {
        self.schema = schema
        self.multiCurrency = multiCurrency
        self.defaultCurrency = defaultCurrency
        standardPricebookId = SalesforceId.make(keyPrefix: "01s", pod: "7Q0", counter: 1)
        random = SeededGenerator(seed: seed)
        childIndex = ChildIndex(schema: schema)
    }

    /// A new deterministic Id for `type`.
    mutating func nextId(for object: ObjectDescriptor) -> String {
        counters[object.name, default: 0] += 1
        return SalesforceId.make(keyPrefix: object.keyPrefix, pod: "7Q0", counter: counters[object.name]!)
    }

    /// Applies every pending write whose commit time has come.
    mutating func promotePending(now: Date) {
        guard pending.contains(where: { $0.visibleAt <= now }) else { return }
        let due = pending.filter { $0.visibleAt <= now }
        pending.removeAll { $0.visibleAt <= now }
        for write in due { store(write.record) }
    }

    /// Stores `record`, registering a new Id in its type's order.
    mutating func store(_ record: SObjectRecord) {
        let previous = records[record.id]
        if previous == nil { idsByType[record.type, default: []].append(record.id) }
        records[record.id] = record
        childIndex.update(record, previous: previous) { idsByType[record.type] ?? [] }
    }

    /// Visible records of `type` in Id order; deleted ones only when `includeDeleted`.
    func records(of type: String, includeDeleted: Bool) -> [SObjectRecord] {
        (idsByType[type] ?? []).compactMap { records[$0] }.filter { includeDeleted || !$0.isDeleted }
    }

    /// Live children of `parentId` through `relationship`.
    func children(of parentId: String, through relationship: ChildRelationship, includeDeleted: Bool) -> [SObjectRecord] {
        childIndex.childIds(type: relationship.childType, field: relationship.field, parent: parentId)
            .compactMap { records[$0] }.filter { includeDeleted || !$0.isDeleted }
    }

    /// The value of `field` on `record`, computing formula and roll-up fields (Opportunity `Amount`, `IsWon`,
    /// `IsClosed`; Contact `Name`; line `TotalPrice`, `ProductCode`, `ListPrice`; PricebookEntry `Name`).
    func value(of field: String, in record: SObjectRecord) -> FieldValue {
        switch (record.type, field) {
        case (_, "Id"): return .string(record.id)
        case (_, "IsDeleted"): return .bool(record.isDeleted)
        case ("Opportunity", "IsWon"): return .bool(record["StageName"] == .string("Closed Won"))
        case ("Opportunity", "IsClosed"):
            return .bool(record["StageName"] == .string("Closed Won") || record["StageName"] == .string("Closed Lost"))
        case ("Opportunity", "Amount"):
            let lines = childIndex.childIds(type: "OpportunityLineItem", field: "OpportunityId", parent: record.id)
                .compactMap { records[$0] }.filter { !$0.isDeleted }
            guard !lines.isEmpty else { return record["Amount"] }
            return .number(lines.reduce(Decimal(0)) { total, line in
                if case .number(let price) = value(of: "TotalPrice", in: line) { return total + price }
                return total
            })
        case ("Contact", "Name"):
            let parts = [record["FirstName"], record["LastName"]].compactMap { value -> String? in
                if case .string(let text) = value { return text }
                return nil
            }
            return .string(parts.joined(separator: " "))
        case ("OpportunityLineItem", "TotalPrice"):
            if case .number(let quantity) = record["Quantity"], case .number(let price) = record["UnitPrice"] {
                return .number(quantity * price)
            }
            return record["TotalPrice"]
        case ("OpportunityLineItem", "ProductCode"), ("PricebookEntry", "ProductCode"):
            return productField("ProductCode", of: record)
        case ("OpportunityLineItem", "Name"), ("PricebookEntry", "Name"):
            return productField("Name", of: record)
        case ("OpportunityLineItem", "ListPrice"):
            guard case .string(let entryId) = record["PricebookEntryId"], let entry = records[entryId] else { return .null }
            return entry["UnitPrice"]
        default:
            return record[field]
        }
    }

    private func productField(_ field: String, of record: SObjectRecord) -> FieldValue {
        guard case .string(let productId) = record["Product2Id"], let product = records[productId] else { return .null }
        return product[field]
    }

    /// Calls counted in the 24 hours up to `now`, after dropping older ones.
    mutating func apiUsage(now: Date) -> Int {
        let cutoff = now.addingTimeInterval(-86_400)
        if let firstRecent = apiCalls.firstIndex(where: { $0 > cutoff }) {
            if firstRecent > 0 { apiCalls.removeFirst(firstRecent) }
        } else {
            apiCalls.removeAll()
        }
        return apiCalls.count
    }
}

/// A small deterministic generator (SplitMix64) for tokens and the lock-row knob.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A value in 0..<1.
    mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
