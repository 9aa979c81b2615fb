import Foundation

/// The simulator's in-memory S/4HANA data and session state (held behind the simulator's `Mutex`).
///
/// Tables are keyed by `"<SERVICE>/<EntitySet>"`, rows by their canonical key predicate.
struct SAPStore: Sendable {
    /// A security session created by a CSRF fetch (cookie `SAP_SESSIONID_<SID>_<client>`).
    struct Session: Sendable, Hashable {
        var token: String
        /// Last use; the token expires `csrfTokenLifetimeSeconds` after it (idle timeout).
        var lastUsed: Date
        /// False after a fault or expiry invalidated the token.
        var tokenValid = true
    }

    /// A product change committed with an older `LastChangeDateTime` that becomes readable later (commit lag).
    struct PendingChange: Sendable {
        var visibleAt: Date
        var apply: @Sendable (inout SAPStore) -> Void
    }

    let catalog: ServiceCatalog
    var tables: [String: [String: EntityRecord]] = [:]
    /// Each table's keys in key order (kept by `put` and `remove`).
    var keyOrder = TableKeyOrder()
    /// Counts changes to the tables (keys the collection result cache).
    var changeCount: UInt64 = 0
    /// Filtered, ordered rows of recent collection reads (shared by every snapshot).
    let resultCache = CollectionResultCache()
    var nextBusinessPartner = 1_000_000
    var nextSalesOrder = 4_000_000
    var nextAddressID = 28_000
    var sequence: UInt64 = 0
    var sessions: [String: Session] = [:]
    /// Bearer access token → expiry instant.
    var accessTokens: [String: Date] = [:]
    var pending: [PendingChange] = []
    /// Material → currency → list price per base unit (the price a `PR00` condition record would give).
    var listPrices: [String: [String: Decimal]] = [:]

    init(catalog: ServiceCatalog) { self.catalog = catalog }

    private static func tableName(_ service: String, _ set: String) -> String { service + "/" + set }

    /// All rows of an entity set, ordered by key (digit-only keys numerically, as SAP's ALPHA keys sort).
    func rows(_ service: String, _ set: String) -> [EntityRecord] {
        orderedRows(Self.tableName(service, set))
    }

    /// The row with `keys` (values already normalized), if present.
    func row(_ service: String, _ set: String, keys: [String: ODataValue]) -> EntityRecord? {
        guard let type = catalog.service(named: service)?.type(ofSet: set) else { return nil }
        return tables[Self.tableName(service, set)]?[KeyPredicate.text(type: type, record: keys)]
    }

    /// Inserts or replaces a row (its key properties decide which).
    mutating func put(_ service: String, _ set: String, _ record: EntityRecord) {
        guard let type = catalog.service(named: service)?.type(ofSet: set) else { return }
        let table = Self.tableName(service, set)
        let key = KeyPredicate.text(type: type, record: record)
        let isNew = tables[table]?[key] == nil
        changeCount &+= 1
        tables[table, default: [:]][key] = record
        if isNew { orderKey(key, of: record, in: table, type: type) }
    }

    /// Removes the row with `keys`; returns whether it existed.
    @discardableResult
    mutating func remove(_ service: String, _ set: String, keys: [String: ODataValue]) -> Bool {
        guard let type = catalog.service(named: service)?.type(ofSet: set) else { return false }
        let key = KeyPredicate.text(type: type, record: keys)
        guard tables[Self.tableName(service, set)]?.removeValue(forKey: key) != nil else { return false }
        changeCount &+= 1
        unorderKeys([key], in: Self.tableName(service, set))
        return true
    }

    /// Removes every row of `set` matching `predicate`.
    mutating func removeAll(_ service: String, _ set: String, where predicate: (EntityRecord) -> Bool) {
        let removed = Set((tables[Self.tableName(service, set)] ?? [:]).filter { predicate($0.value) }.keys)
        tables[Self.tableName(service, set)] = tables[Self.tableName(service, set)]?.filter { !removed.contains($0.key) }
        unorderKeys(removed, in: Self.tableName(service, set))
        changeCount &+= 1
    }

    /// Entities reached through `navigation` from `record`: rows of the target set whose shared key fields match
    /// (the source's keys found in the target, else the target's keys found in the source, e.g.
    /// `A_BusinessPartner.Customer` → `A_Customer`).
    func related(
        _ service: ServiceModel, from type: EntityTypeModel, record: EntityRecord, navigation: NavigationModel
    ) -> [EntityRecord] {
        guard let targetType = service.entityTypes[navigation.targetType],
            let targetSet = service.entitySet(forType: navigation.targetType)
        else { return [] }
        var fields = type.keys.filter { targetType.property($0) != nil }
        if fields.isEmpty { fields = targetType.keys.filter { type.property($0) != nil } }
        guard !fields.isEmpty else { return [] }
        let wanted = fields.map { record[$0] ?? type.property($0)?.initialValue ?? .null }
        if wanted.allSatisfy({ $0 == .string("") || $0 == .null }) { return [] }
        if Array(targetType.keys.prefix(fields.count)) == fields, !wanted.contains(.null) {
            return rows(service.name, targetSet.name, keyPrefix: wanted)
        }
        return rows(service.name, targetSet.name).filter { candidate in
            zip(fields, wanted).allSatisfy { field, value in
                let candidateValue = candidate[field] ?? targetType.property(field)?.initialValue ?? .null
                return (try? FilterEvaluator.compare(.eq, candidateValue, value)) ?? false
            }
        }
    }

    /// A deterministic pseudo-random 64-bit value (SplitMix64 over a counter).
    mutating func nextRandom() -> UInt64 {
        sequence &+= 0x9E37_79B9_7F4A_7C15
        var z = sequence
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A deterministic hex string of `count` characters.
    mutating func nextHex(_ count: Int) -> String {
        String(decoding: nextHexDigits(count, digits: Self.upperHexDigits), as: UTF8.self)
    }

    /// A deterministic lower-case GUID (`00163e30-4e2a-1ed8-…` shape): the digits `nextHex(32)` would give.
    mutating func nextGUID() -> String {
        var bytes = nextHexDigits(32, digits: Self.lowerHexDigits)
        for position in [20, 16, 12, 8] { bytes.insert(UInt8(ascii: "-"), at: position) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `count` hex digits: each `nextRandom()` value written as 16 zero-padded digits, most significant first.
    private mutating func nextHexDigits(_ count: Int, digits: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count + 16)
        while bytes.count < count {
            let value = nextRandom()
            for shift in stride(from: 60, through: 0, by: -4) { bytes.append(digits[Int((value >> UInt64(shift)) & 0xF)]) }
        }
        return Array(bytes.prefix(count))
    }

    private static let upperHexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
    private static let lowerHexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Applies pending (commit-lagged) changes that have become visible by `now`.
    mutating func applyVisibleChanges(now: Date) {
        let due = pending.filter { $0.visibleAt <= now }
        guard !due.isEmpty else { return }
        pending.removeAll { $0.visibleAt <= now }
        for change in due { change.apply(&self) }
    }
}
