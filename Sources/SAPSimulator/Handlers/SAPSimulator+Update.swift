import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// PATCH/MERGE/PUT of one entity: updatable properties only; `If-Match` required on ETag-protected types
    /// (`A_SalesOrder`: 428 when missing, 412 when stale); change stamps bumped; 204 with the new `ETag`.
    func update(_ call: ODataCall, set: EntitySetModel, segment: ResourcePath.Segment) throws(SAPError) -> Response {
        guard set.updatable, let type = call.service.type(ofSet: set.name), let predicate = segment.keyPredicate else {
            throw methodNotAllowed(call)
        }
        let payload = try PayloadDecoder(type: type, creating: false).decode(try call.jsonObject())
        let now = clock.now()
        let user = String(configuration.user.uppercased().prefix(12))
        let ifMatch = call.headers[.ifMatch]
        let updated = try state.withLock { store throws(SAPError) -> EntityRecord in
            store.applyVisibleChanges(now: now)
            var record = try entity(in: store, service: call.service, set: set.name, type: type, predicate: predicate)
            try Self.checkPrecondition(ifMatch, type: type, record: record)
            for (name, value) in payload.properties where !type.keys.contains(name) { record[name] = value }
            Self.stampChange(&record, type: type, now: now, user: user)
            store.put(call.service.name, set.name, record)
            return record
        }
        var headers = HTTPFields()
        if let token = type.concurrencyToken, let date = updated[token.name]?.dateValue {
            headers[.eTag] = EDMFormat.etag(for: date)
        }
        return ODataResponse.noContent(headers: headers)
    }

    /// DELETE of one entity (only where the EDMX allows it); a Sales Order takes its items and pricing elements
    /// with it. `If-Match` as for update.
    func delete(_ call: ODataCall, set: EntitySetModel, segment: ResourcePath.Segment) throws(SAPError) -> Response {
        guard set.deletable, let type = call.service.type(ofSet: set.name), let predicate = segment.keyPredicate else {
            throw methodNotAllowed(call)
        }
        let ifMatch = call.headers[.ifMatch]
        let now = clock.now()
        try state.withLock { store throws(SAPError) in
            store.applyVisibleChanges(now: now)
            let record = try entity(in: store, service: call.service, set: set.name, type: type, predicate: predicate)
            try Self.checkPrecondition(ifMatch, type: type, record: record)
            store.remove(call.service.name, set.name, keys: record.filter { type.keys.contains($0.key) })
            if set.name == "A_SalesOrder", let number = record["SalesOrder"] {
                store.removeSalesOrderChildren(number)
            }
        }
        return ODataResponse.noContent()
    }

    /// Enforces `If-Match` for types with a `ConcurrencyMode="Fixed"` property (`*` matches anything).
    static func checkPrecondition(_ ifMatch: String?, type: EntityTypeModel, record: EntityRecord) throws(SAPError) {
        guard let token = type.concurrencyToken else { return }
        guard let ifMatch, !ifMatch.isEmpty else { throw SAPMessages.preconditionRequired() }
        if ifMatch == "*" { return }
        let current = record[token.name]?.dateValue.map(EDMFormat.etag(for:)) ?? ""
        guard ifMatch.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }).contains(current) else {
            throw SAPMessages.preconditionFailed()
        }
    }

    /// Bumps the change stamps the type has (`LastChangeDateTime`, `LastChangeDate`, `LastChangeTime`,
    /// `LastChangedByUser`).
    static func stampChange(_ record: inout EntityRecord, type: EntityTypeModel, now: Date, user: String) {
        let today = EDMFormat.utcCalendar.startOfDay(for: now)
        if type.property("LastChangeDateTime") != nil { record["LastChangeDateTime"] = .dateTimeOffset(now) }
        if type.property("LastChangeDate") != nil { record["LastChangeDate"] = .dateTime(today) }
        if type.property("LastChangeTime") != nil { record["LastChangeTime"] = .time(Int(now.timeIntervalSince(today))) }
        if type.property("LastChangedByUser") != nil { record["LastChangedByUser"] = .string(user) }
    }
}

extension SAPStore {
    /// Removes the items and item pricing elements of a deleted Sales Order.
    mutating func removeSalesOrderChildren(_ number: ODataValue) {
        removeAll(Self.salesOrderService, "A_SalesOrderItem") { $0["SalesOrder"] == number }
        removeAll(Self.salesOrderService, "A_SalesOrderItemPrElement") { $0["SalesOrder"] == number }
    }
}
