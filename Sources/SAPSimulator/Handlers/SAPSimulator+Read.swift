import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    /// A consistent copy of the data with commit-lagged changes that are due applied.
    func snapshot() -> SAPStore {
        let now = clock.now()
        return state.withLock { store in
            store.applyVisibleChanges(now: now)
            return store
        }
    }

    /// GET of an entity set, an entity, a navigation or `…/$count`.
    func read(_ call: ODataCall, path: ResourcePath, set: EntitySetModel) throws(SAPError) -> Response {
        let store = snapshot()
        let service = call.service
        guard var type = service.type(ofSet: set.name) else { throw .resourceNotFound(segment: set.name) }
        var rows: [EntityRecord]
        var isCollection = true
        let first = path.segments[0]
        if let predicate = first.keyPredicate {
            rows = [try entity(in: store, service: service, set: set.name, type: type, predicate: predicate)]
            isCollection = false
        } else {
            rows = []  // the whole entity set, read by `collection` only when its cached result is not reusable
        }
        for segment in path.segments.dropFirst() {
            guard !isCollection, let navigation = type.navigation(segment.name),
                let target = service.entityTypes[navigation.targetType]
            else { throw .resourceNotFound(segment: segment.name) }
            rows = store.related(service, from: type, record: rows[0], navigation: navigation)
            type = target
            if let predicate = segment.keyPredicate {
                guard let keys = ResourcePath.keyValues(predicate, type: type),
                    let match = rows.first(where: { row in keys.allSatisfy { row[$0.key] == $0.value } })
                else { throw .resourceNotFound(segment: type.name) }
                rows = [match]
                isCollection = false
            } else {
                isCollection = navigation.isCollection
                if !isCollection, rows.isEmpty { throw .resourceNotFound(segment: type.name) }
            }
        }
        try validate(call.options, type: type, service: service)
        let serializer = EntitySerializer(service: service, serviceRoot: call.serviceRoot) { fromType, record, navigation in
            store.related(service, from: fromType, record: record, navigation: navigation)
        }
        if !isCollection {
            guard !path.isCount else { return countResponse(1) }
            let entity = serializer.entity(rows[0], type: type, select: call.options.select, expand: call.options.expand)
            var headers = HTTPFields()
            if let token = type.concurrencyToken, let date = rows[0][token.name]?.dateValue {
                headers[.eTag] = EDMFormat.etag(for: date)
            }
            return ODataResponse.json(.object([("d", entity)]), headers: headers)
        }
        let cacheKey = path.segments.count == 1
            ? CollectionResultCache.key(set: service.name + "/" + set.name, version: store.changeCount, parameters: call.options.parameters)
            : nil
        let selected = rows
        let allRows = { path.segments.count == 1 && first.keyPredicate == nil ? store.rows(service.name, set.name) : selected }
        return try collection(call, rows: allRows, type: type, serializer: serializer, isCount: path.isCount) { compute throws(SAPError) in
            try store.resultCache.rows(for: cacheKey, compute)
        }
    }

    /// Finds the entity addressed by a key predicate.
    /// - Throws: 404 `/IWBEP/CM_MGW_RT/020` when the key is malformed or not found.
    func entity(
        in store: SAPStore, service: ServiceModel, set: String, type: EntityTypeModel, predicate: String
    ) throws(SAPError) -> EntityRecord {
        guard let keys = ResourcePath.keyValues(predicate, type: type),
            let row = store.row(service.name, set, keys: keys)
        else { throw .resourceNotFound(segment: type.name) }
        return row
    }

    private func countResponse(_ count: Int) -> Response {
        ODataResponse.raw(Data(String(count).utf8), contentType: "text/plain; charset=utf-8",
                          headers: [ODataResponse.dataServiceVersion: "2.0"])
    }

    private func collection(
        _ call: ODataCall, rows: @escaping () -> [EntityRecord], type: EntityTypeModel, serializer: EntitySerializer, isCount: Bool,
        cached: (() throws(SAPError) -> [EntityRecord]) throws(SAPError) -> [EntityRecord]
    ) throws(SAPError) -> Response {
        let options = call.options
        let matching = try cached { () throws(SAPError) -> [EntityRecord] in
            try filteredAndSorted(rows(), options: options, type: type)
        }
        if isCount { return countResponse(matching.count) }
        let total = matching.count
        let page = CollectionPage(
            total: matching.count, skip: options.skip ?? 0, top: options.top,
            skipToken: options.skipToken.flatMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: "'"))) } ?? 0,
            defaultPageSize: configuration.defaultPageSize, maxPageSize: configuration.maxPageSize)
        let results = serializer.entities(matching[page.range], type: type, select: options.select, expand: options.expand)
        var members: [(String, JSONValue)] = [("results", .array(results))]
        if options.inlineCount { members.append(("__count", .string(String(total)))) }
        if let nextToken = page.nextSkipToken {
            members.append(("__next", .string(nextLink(call, skipToken: nextToken))))
        }
        return ODataResponse.json(.object([("d", .object(members))]))
    }

    /// The rows matching `$filter`, ordered by `$orderby`.
    /// - Throws: 400 when the filter cannot be evaluated on a row.
    private func filteredAndSorted(_ rows: [EntityRecord], options: QueryOptions, type: EntityTypeModel)
        throws(SAPError) -> [EntityRecord]
    {
        var matching = rows
        if let filter = options.filter {
            let evaluator = FilterEvaluator(type: type)
            matching = []
            for row in rows {
                do throws(FilterError) {
                    if try evaluator.matches(filter, row) { matching.append(row) }
                } catch {
                    throw .badRequest(error.message)
                }
            }
        }
        return sorted(matching, by: options.orderBy, type: type)
    }

    /// Rows ordered by `$orderby` items, ties kept in key order (the rows arrive key-sorted).
    private func sorted(_ rows: [EntityRecord], by orderBy: [QueryOptions.Ordering], type: EntityTypeModel)
        -> [EntityRecord]
    {
        guard !orderBy.isEmpty else { return rows }
        if orderBy.allSatisfy({ !$0.descending }), orderBy.map(\.property) == Array(type.keys.prefix(orderBy.count)) { return rows }
        let indexed = Array(rows.enumerated())
        return indexed.sorted { left, right in
            for ordering in orderBy {
                let initial = type.property(ordering.property)?.initialValue ?? .null
                let a = left.element[ordering.property] ?? initial, b = right.element[ordering.property] ?? initial
                let order: ComparisonResult
                if a == .null || b == .null {
                    order = a == b ? .orderedSame : (a == .null ? .orderedAscending : .orderedDescending)
                } else {
                    order = (try? FilterEvaluator.ordering(a, b)) ?? .orderedSame
                }
                if order != .orderedSame { return ordering.descending ? order == .orderedDescending : order == .orderedAscending }
            }
            return left.offset < right.offset
        }.map(\.element)
    }

    /// The `__next` link: the same request with `$skiptoken` replaced.
    private func nextLink(_ call: ODataCall, skipToken: Int) -> String {
        var parameters = call.options.parameters.filter { $0.0 != "$skiptoken" }
        parameters.append(("$skiptoken", String(skipToken)))
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~$,/:"))
        let query = parameters.map { name, value in
            let encodedName = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
            let encodedValue = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
            return "\(encodedName)=\(encodedValue)"
        }.joined(separator: "&")
        let resource = call.resource.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? call.resource
        return "\(call.serviceRoot)/\(resource)?\(query)"
    }

    /// Rejects `$select`, `$expand` and `$orderby` items naming unknown properties or navigations (400).
    private func validate(_ options: QueryOptions, type: EntityTypeModel, service: ServiceModel) throws(SAPError) {
        for ordering in options.orderBy where type.property(ordering.property) == nil {
            throw .badRequest("Property \(ordering.property) not found in type \(type.name)")
        }
        for path in options.expand {
            var current = type
            for name in path {
                guard let navigation = current.navigation(name), let next = service.entityTypes[navigation.targetType] else {
                    throw .badRequest("Navigation property \(name) not found in type \(current.name)")
                }
                current = next
            }
        }
        for item in options.select where item != "*" {
            let parts = item.split(separator: "/").map(String.init)
            var current = type
            for (index, name) in parts.enumerated() {
                if index == parts.count - 1, current.property(name) != nil || name == "*" { break }
                guard let navigation = current.navigation(name), let next = service.entityTypes[navigation.targetType] else {
                    throw .badRequest("Property \(name) not found in type \(current.name)")
                }
                current = next
            }
        }
    }
}
