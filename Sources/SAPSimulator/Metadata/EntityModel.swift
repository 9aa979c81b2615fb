import Foundation

/// One `Property` of an EDMX entity type, with the SAP annotations the simulator honours.
struct PropertyModel: Sendable, Hashable {
    /// Property name, e.g. `SalesOrder`.
    var name: String
    /// EDM type name, e.g. `Edm.String`, `Edm.Decimal`.
    var type: String
    /// `MaxLength` for strings (nil: unbounded).
    var maxLength: Int?
    /// `Precision` (decimals: total digits).
    var precision: Int?
    /// `Scale` (decimals: digits after the point).
    var scale: Int?
    /// `sap:display-format` (`UpperCase`, `NonNegative`, `Date`).
    var displayFormat: String?
    /// `sap:unit`: the property holding the unit or currency of this amount.
    var unitProperty: String?
    /// `sap:semantics` (`currency-code`, `unit-of-measure`).
    var semantics: String?
    /// `sap:creatable` (default true).
    var creatable: Bool
    /// `sap:updatable` (default true).
    var updatable: Bool
    /// `ConcurrencyMode="Fixed"`.
    var isConcurrencyToken: Bool
    /// True when `unitProperty` is a currency code (`sap:semantics="currency-code"`): an amount.
    var isCurrencyAmount = false

    /// True when the EDMX asks for upper-case values (`sap:display-format="UpperCase"`).
    var isUpperCase: Bool { displayFormat == "UpperCase" }
}

/// One `NavigationProperty`, resolved to its target entity type and multiplicity.
struct NavigationModel: Sendable, Hashable {
    /// Navigation name, e.g. `to_Item`.
    var name: String
    /// Target entity type name (unqualified), e.g. `A_SalesOrderItemType`.
    var targetType: String
    /// True for `*` multiplicity (rendered as `{"results": [...]}`).
    var isCollection: Bool
}

/// One `EntityType` of a service.
struct EntityTypeModel: Sendable, Hashable {
    /// Unqualified name, e.g. `A_SalesOrderType`.
    var name: String
    /// Key property names in declaration order.
    var keys: [String]
    /// Properties in declaration order.
    var properties: [PropertyModel]
    /// Navigation properties in declaration order.
    var navigations: [NavigationModel]

    /// The property called `name`, if declared.
    func property(_ name: String) -> PropertyModel? { properties.first { $0.name == name } }
    /// The navigation called `name`, if declared.
    func navigation(_ name: String) -> NavigationModel? { navigations.first { $0.name == name } }
}

/// One `EntitySet` of the service's entity container.
struct EntitySetModel: Sendable, Hashable {
    var name: String
    /// Unqualified entity type name.
    var typeName: String
    var creatable: Bool
    var updatable: Bool
    var deletable: Bool
}

/// The parsed `$metadata` of one OData V2 service plus its verbatim bytes.
struct ServiceModel: Sendable {
    /// Service name, e.g. `API_SALES_ORDER_SRV`.
    var name: String
    /// Schema namespace (prefix of `__metadata.type`).
    var namespace: String
    /// The EDMX document exactly as shipped.
    var metadataXML: Data
    var entityTypes: [String: EntityTypeModel]
    var entitySets: [String: EntitySetModel]

    /// The entity type behind an entity set.
    func type(ofSet set: String) -> EntityTypeModel? {
        entitySets[set].flatMap { entityTypes[$0.typeName] }
    }

    /// The (first) entity set whose type is `typeName`.
    func entitySet(forType typeName: String) -> EntitySetModel? {
        entitySets.values.filter { $0.typeName == typeName }.min { $0.name < $1.name }
    }
}
