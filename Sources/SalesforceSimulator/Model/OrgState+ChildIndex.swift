import Foundation

/// Parent Id -> child Ids for each child relationship's lookup field, so child subqueries and roll-ups (Opportunity
/// `Amount`) read a parent's children directly instead of scanning every record of the child type.
struct ChildIndex: Sendable {
    /// Child type -> the lookup fields that child relationships of the schema use (e.g. OpportunityLineItem ->
    /// [OpportunityId]).
    private let linkFields: [String: [String]]
    /// "ChildType.Field" -> parent Id -> child Ids in insertion order (the order `records(of:)` gives).
    private var children: [String: [String: [String]]] = [:]

    init(schema: Schema) {
        var links: [String: [String]] = [:]
        for object in schema.objects {
            for relationship in object.childRelationships where !(links[relationship.childType] ?? []).contains(relationship.field) {
                links[relationship.childType, default: []].append(relationship.field)
            }
        }
        linkFields = links
    }

    /// The Ids of the children of `parentId` whose `field` points at it.
    func childIds(type: String, field: String, parent parentId: String) -> [String] {
        children["\(type).\(field)"]?[parentId] ?? []
    }

    /// Updates the index for `record` replacing `previous` (nil for a new record). `order` gives the insertion
    /// order of a record's type, used only when an existing record moves to another parent.
    mutating func update(_ record: SObjectRecord, previous: SObjectRecord?, order: () -> [String]) {
        for field in linkFields[record.type] ?? [] {
            let old = previous.flatMap { Self.parentId($0[field]) }
            let new = Self.parentId(record[field])
            guard old != new else { continue }
            let key = "\(record.type).\(field)"
            if let old { children[key]?[old]?.removeAll { $0 == record.id } }
            guard let new else { continue }
            children[key, default: [:]][new, default: []].append(record.id)
            if previous != nil, let siblings = children[key]?[new], siblings.count > 1 {
                let position = Dictionary(uniqueKeysWithValues: order().enumerated().map { ($1, $0) })
                children[key]?[new] = siblings.sorted { (position[$0] ?? 0) < (position[$1] ?? 0) }
            }
        }
    }

    private static func parentId(_ value: FieldValue) -> String? {
        if case .string(let id) = value { return id }
        return nil
    }
}
