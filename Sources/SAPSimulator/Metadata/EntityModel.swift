import Foundation

/// One `Property` of an EDMX entity type, with the SAP annotations the simulator honours.
struct PropertyModel: Sendable, Hashable {
    /// Property name, e.g. `SalesOrder`.
    var name: String
    /// EDM type name, e.g. `Edm.String`, `Edm.Decimal`.
    let type: String
    /// `MaxLength` for strings (nil: unbounded).
    var maxLength: Int?
    /// `Precision` (decimals: total digits).
    var precision: Int?
    /// `Scale` (decimals: digits after the point).
    var scale: Int?
    /// `sap:display-format` (`UpperCase`, `NonNegative`, `Date`).
    let displayFormat: String?
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
    var isCurrencyAmount: Bool
    /// The value SAP renders for a field nobody filled (derived from `type` and `displayFormat` once).
    let initialValue: ODataValue

    init(
        name: String, type: String, maxLength: Int? = nil, precision: Int? = nil, scale: Int? = nil,
        displayFormat: String? = nil, unitProperty: String? = nil, semantics: String? = nil, creatable: Bool,
        updatable: Bool, isConcurrencyToken: Bool, isCurrencyAmount: Bool = false
    ) {
        self.name = name
        self.type = type
        self.maxLength = maxLength
        self.precision = precision
        self.scale = scale
        self.displayFormat = displayFormat
        self.unitProperty = unitProperty
        self.semantics = semantics
        self.creatable = creatable
        self.updatable = updatable
        self.isConcurrencyToken = isConcurrencyToken
        self.isCurrencyAmount = isCurrencyAmount
        initialValue = Self.initialValue(type: type, displayFormat: displayFormat)
    }

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
    var properties: [PropertyModel] { didSet { indexProperties() } }
    /// Navigation properties in declaration order.
    var navigations: [NavigationModel]
    /// Property name → position of its first declaration in `properties` (reads look properties up per row).
    private(set) var propertyPositions: [String: Int] = [:]
    /// The first `ConcurrencyMode="Fixed"` property (its value gives the ETag), if any.
    private(set) var concurrencyToken: PropertyModel?

    init(name: String, keys: [String], properties: [PropertyModel], navigations: [NavigationModel]) {
        self.name = name
        self.keys = keys
        self.properties = properties
        self.navigations = navigations
        indexProperties()
    }

    /// The property called `name`, if declared.
    func property(_ name: String) -> PropertyModel? { propertyPositions[name].map { properties[$0] } }
    /// The navigation called `name`, if declared.
    func navigation(_ name: String) -> NavigationModel? { navigations.first { $0.name == name } }

    private mutating func indexProperties() {
        propertyPositions = [:]
        for (position, property) in properties.enumerated() where propertyPositions[property.name] == nil {
            propertyPositions[property.name] = position
        }
        concurrencyToken = properties.first(where: \.isConcurrencyToken)
    }
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
    var entitySets: [String: EntitySetModel] { didSet { indexSets() } }
    /// Entity type name → the first (by name) entity set of that type.
    private var setsByType: [String: EntitySetModel] = [:]

    init(
        name: String, namespace: String, metadataXML: Data, entityTypes: [String: EntityTypeModel],
        entitySets: [String: EntitySetModel]
    ) {
        self.name = name
        self.namespace = namespace
        self.metadataXML = metadataXML
        self.entityTypes = entityTypes
        self.entitySets = entitySets
        indexSets()
    }

    /// The entity type behind an entity set.
    func type(ofSet set: String) -> EntityTypeModel? {
        entitySets[set].flatMap { entityTypes[$0.typeName] }
    }

    /// The (first) entity set whose type is `typeName`.
    func entitySet(forType typeName: String) -> EntitySetModel? { setsByType[typeName] }

    private mutating func indexSets() {
        setsByType = [:]
        for set in entitySets.values where setsByType[set.typeName].map({ set.name < $0.name }) ?? true {
            setsByType[set.typeName] = set
        }
    }
}
