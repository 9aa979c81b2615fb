import Foundation

extension SOQLEvaluator {
    /// `attributes` of a record: `{type, url}` with the type as written in the query.
    func attributes(type: String, canonicalType: String, id: String) -> JSONValue {
        .object([("type", .string(type)), ("url", .string("/services/data/\(version)/sobjects/\(canonicalType)/\(id)"))])
    }

    /// Renders `record` with the selected fields; returns the JSON and its page weight (1 + child rows).
    func render(_ record: SObjectRecord, items: [SOQLStatement.SelectItem], object: ObjectDescriptor, typeName: String)
        throws(SOQLError) -> (JSONValue, Int)
    {
        var members: [(String, JSONValue)] = [("attributes", attributes(type: typeName, canonicalType: object.name, id: record.id))]
        var weight = 1
        var seen = Set<String>()
        for item in items {
            switch item {
            case .count:
                continue
            case .field(let path, let offset):
                let resolved = try pathCache.resolve(path, on: object, offset: offset, with: SOQLResolver(schema: state.schema))
                let key = (resolved.hops.map { relationshipName($0) } + [resolved.field.name]).joined(separator: ".")
                guard seen.insert(key.lowercased()).inserted else {
                    throw .malformed("duplicate field selected: \(path.joined(separator: "."))", offset: offset)
                }
                insert(resolved.hops[...], field: resolved.field, from: record, into: &members)
            case .subquery(let subquery):
                let relationship = try SOQLResolver(schema: state.schema)
                    .childRelationship(subquery.from, of: object, offset: subquery.fromOffset)
                let (json, childCount) = try renderChildren(of: record, relationship: relationship, subquery: subquery)
                members.append((relationship.name, json))
                weight += childCount
            }
        }
        return (.object(members), weight)
    }

    private func relationshipName(_ hop: FieldDescriptor) -> String {
        if case .reference(_, let name) = hop.type { return name }
        return hop.name
    }

    /// Adds a field (possibly under nested parent objects) to `members`.
    private func insert(_ hops: ArraySlice<FieldDescriptor>, field: FieldDescriptor, from record: SObjectRecord,
                        into members: inout [(String, JSONValue)]) {
        guard let hop = hops.first else {
            members.append((field.name, state.value(of: field.name, in: record).json))
            return
        }
        let key = relationshipName(hop)
        let existing = members.firstIndex { $0.0 == key }
        guard case .string(let parentId) = record[hop.name], let parent = state.records[parentId],
            case .reference(let target, _) = hop.type
        else {
            if existing == nil { members.append((key, .null)) }
            return
        }
        var nested: [(String, JSONValue)]
        if let existing, case .object(let current) = members[existing].1 {
            nested = current
        } else {
            nested = [("attributes", attributes(type: target, canonicalType: target, id: parent.id))]
        }
        insert(hops.dropFirst(), field: field, from: parent, into: &nested)
        if let existing {
            members[existing].1 = .object(nested)
        } else {
            members.append((key, .object(nested)))
        }
    }

    /// A nested QueryResult of the children, or `null` when there are none.
    private func renderChildren(of record: SObjectRecord, relationship: ChildRelationship, subquery: SOQLStatement)
        throws(SOQLError) -> (JSONValue, Int)
    {
        guard let childObject = state.schema.object(relationship.childType) else { return (.null, 0) }
        let candidates = state.children(of: record.id, through: relationship, includeDeleted: includeDeleted)
        var childStatement = subquery
        childStatement.from = childObject.name
        let rows = try select(childStatement, on: childObject, from: candidates)
        guard !rows.isEmpty else { return (.null, 0) }
        var rendered: [JSONValue] = []
        for row in rows {
            rendered.append(try render(row, items: subquery.items, object: childObject, typeName: childObject.name).0)
        }
        return (.object([("totalSize", .number(Decimal(rows.count))), ("done", .bool(true)), ("records", .array(rendered))]), rows.count)
    }
}
