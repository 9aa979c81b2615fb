import Foundation

/// The rows a query produced, already rendered as REST records, with how much of a page each one takes
/// (a parent row plus its child rows).
struct QueryOutcome: Sendable {
    var totalSize: Int
    var rows: [JSONValue]
    var weights: [Int]
}

/// Runs a parsed SOQL statement against the org: filters, sorts, applies OFFSET/LIMIT and renders each record
/// with `attributes`, parent objects (or `null` for an empty lookup) and child QueryResults (or `null`).
struct SOQLEvaluator {
    let state: OrgState
    /// API version for `attributes.url`, e.g. `v60.0`.
    let version: String
    /// queryAll: include deleted rows.
    let includeDeleted: Bool
    /// Paths resolved for rendering, shared by the rows of this run.
    let pathCache = ResolvedPathCache()

    private var resolver: SOQLResolver { SOQLResolver(schema: state.schema) }

    func run(_ statement: SOQLStatement) throws(SOQLError) -> QueryOutcome {
        let object = try resolver.object(named: statement.from, offset: statement.fromOffset)
        try validate(statement.items, on: object)
        let candidates = state.records(of: object.name, includeDeleted: includeDeleted)
        let rows = try select(statement, on: object, from: candidates)
        if statement.isCount {
            return QueryOutcome(totalSize: rows.count, rows: [], weights: [])
        }
        var rendered: [JSONValue] = []
        var weights: [Int] = []
        for record in rows {
            let (json, weight) = try render(record, items: statement.items, object: object, typeName: statement.from)
            rendered.append(json)
            weights.append(weight)
        }
        return QueryOutcome(totalSize: rows.count, rows: rendered, weights: weights)
    }

    /// Checks every selected field and subquery (with its own fields) before any row is read, as Salesforce does.
    private func validate(_ items: [SOQLStatement.SelectItem], on object: ObjectDescriptor) throws(SOQLError) {
        for item in items {
            switch item {
            case .count:
                continue
            case .field(let path, let offset):
                _ = try resolver.resolve(path, on: object, offset: offset)
            case .subquery(let subquery):
                let relationship = try resolver.childRelationship(subquery.from, of: object, offset: subquery.fromOffset)
                if let child = state.schema.object(relationship.childType) { try validate(subquery.items, on: child) }
            }
        }
    }

    /// Filter, order, offset and limit.
    func select(_ statement: SOQLStatement, on object: ObjectDescriptor, from candidates: [SObjectRecord])
        throws(SOQLError) -> [SObjectRecord]
    {
        if let offset = statement.offset, offset > 2000 {
            throw .numberOutsideValidRange("Maximum SOQL offset allowed is 2000")
        }
        var rows = candidates
        if let condition = statement.condition {
            let compiled = try compile(condition, on: object)
            rows = rows.filter { compiled($0) }
        }
        if !statement.orderBy.isEmpty {
            var keys: [(ResolvedPath, SOQLStatement.Ordering)] = []
            for ordering in statement.orderBy {
                keys.append((try resolver.resolve(ordering.path, on: object, offset: ordering.offset), ordering))
            }
            rows = rows.sorted { left, right in
                for (path, ordering) in keys {
                    let order = SOQLValueOrder.compare(
                        value(path, of: left), value(path, of: right), ordering: ordering, exact: path.field.type.isId)
                    if order != .orderedSame { return order == .orderedAscending }
                }
                return false
            }
        }
        if let offset = statement.offset { rows = Array(rows.dropFirst(offset)) }
        if let limit = statement.limit { rows = Array(rows.prefix(limit)) }
        return rows
    }

    /// The value at `path` on `record`, following lookups (null when a lookup is empty).
    func value(_ path: ResolvedPath, of record: SObjectRecord) -> FieldValue {
        var current = record
        for hop in path.hops {
            guard case .string(let parentId) = current[hop.name], let parent = state.records[parentId] else { return .null }
            current = parent
        }
        return state.value(of: path.field.name, in: current)
    }

    private func compile(_ condition: SOQLStatement.Condition, on object: ObjectDescriptor) throws(SOQLError)
        -> @Sendable (SObjectRecord) -> Bool
    {
        switch condition {
        case .and(let left, let right):
            let (lhs, rhs) = (try compile(left, on: object), try compile(right, on: object))
            return { lhs($0) && rhs($0) }
        case .or(let left, let right):
            let (lhs, rhs) = (try compile(left, on: object), try compile(right, on: object))
            return { lhs($0) || rhs($0) }
        case .not(let inner):
            let compiled = try compile(inner, on: object)
            return { !compiled($0) }
        case .comparison(let path, let offset, let comparison, let literal):
            let resolved = try resolver.resolve(path, on: object, offset: offset)
            let checked = try resolver.check(literal, for: resolved.field, offset: offset)
            let evaluator = self
            let exact = resolved.field.type.isId
            return { SOQLValueOrder.matches(evaluator.value(resolved, of: $0), comparison, checked, exact: exact) }
        case .membership(let path, let offset, let literals, let negated):
            let resolved = try resolver.resolve(path, on: object, offset: offset)
            var checked: [SOQLStatement.Literal] = []
            for literal in literals { checked.append(try resolver.check(literal, for: resolved.field, offset: offset)) }
            let evaluator = self
            let values = checked
            let exact = resolved.field.type.isId
            return { record in
                let fieldValue = evaluator.value(resolved, of: record)
                let found = values.contains { SOQLValueOrder.matches(fieldValue, .equal, $0, exact: exact) }
                return negated ? !found : found
            }
        case .like(let path, let offset, let pattern):
            let resolved = try resolver.resolve(path, on: object, offset: offset)
            let evaluator = self
            return { record in
                guard case .string(let text) = evaluator.value(resolved, of: record) else { return false }
                return SOQLValueOrder.like(text, pattern)
            }
        }
    }
}
