/// The data type of an sObject field, as describe reports it.
enum FieldType: Sendable, Equatable {
    case id
    case string
    case email
    case textArea
    case boolean
    case date
    case dateTime
    case currency
    case double
    /// A picklist; `restricted` values reject anything outside `values`.
    case picklist(values: [String], restricted: Bool)
    /// A lookup to `target`; `relationshipName` names the parent in SOQL paths (e.g. `Account`).
    case reference(target: String, relationshipName: String)

    /// Ids and lookups: compared ordinally as 18-character Ids.
    var isId: Bool {
        if case .reference = self { return true }
        return self == .id
    }
}

/// One field of an sObject.
struct FieldDescriptor: Sendable {
    /// API name, e.g. `StageName`.
    var name: String
    /// Label used in error messages, e.g. `Sync Status`.
    var label: String
    var type: FieldType
    /// Writable through the REST API (createable/updateable).
    var writable: Bool
    /// Required on create.
    var required: Bool

    init(_ name: String, _ type: FieldType, label: String? = nil, writable: Bool = true, required: Bool = false) {
        self.name = name
        self.label = label ?? name
        self.type = type
        self.writable = writable
        self.required = required
    }
}

/// A parent-to-child relationship, e.g. `Opportunity.OpportunityLineItems`.
struct ChildRelationship: Sendable {
    var name: String
    var childType: String
    var field: String
}

/// The describe of one sObject type.
struct ObjectDescriptor: Sendable {
    let name: String
    let keyPrefix: String
    /// Fields in describe order.
    let fields: [FieldDescriptor]
    let childRelationships: [ChildRelationship]
    /// Lowercased field name -> position in `fields` (the first field of that name).
    private let fieldPositions: [String: Int]

    init(name: String, keyPrefix: String, fields: [FieldDescriptor], childRelationships: [ChildRelationship]) {
        self.name = name
        self.keyPrefix = keyPrefix
        self.fields = fields
        self.childRelationships = childRelationships
        var positions: [String: Int] = [:]
        for (position, field) in fields.enumerated() where positions[field.name.lowercased()] == nil {
            positions[field.name.lowercased()] = position
        }
        fieldPositions = positions
    }

    /// The field named `name` (case-insensitive), or nil.
    func field(_ name: String) -> FieldDescriptor? {
        fieldPositions[name.lowercased()].map { fields[$0] }
    }

    /// The reference field whose relationship name is `name` (case-insensitive).
    func parentRelationship(_ name: String) -> FieldDescriptor? {
        let lowered = name.lowercased()
        return fields.first {
            if case .reference(_, let relationship) = $0.type { return relationship.lowercased() == lowered }
            return false
        }
    }

    func childRelationship(_ name: String) -> ChildRelationship? {
        let lowered = name.lowercased()
        return childRelationships.first { $0.name.lowercased() == lowered }
    }
}
