import Foundation

/// Writes entities in OData V2 JSON verbose format (sap.md §2): `__metadata` with absolute `id`/`uri`/`type`
/// (and `etag` for concurrency-controlled types), properties in EDMX order with SAP's value formats,
/// `__deferred` for navigations not expanded, `{"results": [...]}`/object/`null` for expanded ones.
struct EntitySerializer {
    /// The service being answered.
    let service: ServiceModel
    /// Absolute service root without trailing slash, e.g. `https://host:1234/sap/opu/odata/sap/API_SALES_ORDER_SRV`.
    let serviceRoot: String
    /// Resolves a navigation of an entity to the related entities.
    let related: (EntityTypeModel, EntityRecord, NavigationModel) -> [EntityRecord]

    /// The canonical absolute URI of an entity.
    func uri(set: String, type: EntityTypeModel, record: EntityRecord) -> String {
        "\(serviceRoot)/\(set)(\(KeyPredicate.text(type: type, record: record)))"
    }

    /// One entity as a JSON object, honouring `$select` items and `$expand` paths relative to it.
    func entity(
        _ record: EntityRecord, type: EntityTypeModel, select: [String] = [], expand: [[String]] = []
    ) -> JSONValue {
        let set = service.entitySet(forType: type.name)?.name ?? type.name
        let selfURI = uri(set: set, type: type, record: record)
        var metadata: [(String, JSONValue)] = [
            ("id", .string(selfURI)), ("uri", .string(selfURI)), ("type", .string("\(service.namespace).\(type.name)")),
        ]
        if let token = type.properties.first(where: \.isConcurrencyToken), let date = record[token.name]?.dateValue {
            metadata.append(("etag", .string(EDMFormat.etag(for: date))))
        }
        var members: [(String, JSONValue)] = [("__metadata", .object(metadata))]
        var options = QueryOptions()
        options.select = select
        let selected = options.selectedProperties
        for property in type.properties where selected?.contains(property.name) ?? true {
            members.append((property.name, value(of: property, in: record)))
        }
        for navigation in type.navigations {
            let expansions = expand.filter { $0.first == navigation.name }.map { Array($0.dropFirst()) }
            if !expansions.isEmpty {
                members.append((navigation.name, expanded(navigation, of: record, type: type, options: options,
                    expand: expansions.filter { !$0.isEmpty })))
            } else if options.selects(navigation: navigation.name) {
                members.append((navigation.name, .object([("__deferred", .object([("uri", .string("\(selfURI)/\(navigation.name)"))]))])))
            }
        }
        return .object(members)
    }

    private func expanded(
        _ navigation: NavigationModel, of record: EntityRecord, type: EntityTypeModel, options: QueryOptions,
        expand: [[String]]
    ) -> JSONValue {
        guard let target = service.entityTypes[navigation.targetType] else { return .null }
        let rows = related(type, record, navigation)
        let select = options.selection(under: navigation.name)
        let rendered = rows.map { entity($0, type: target, select: select, expand: expand) }
        if navigation.isCollection { return .object([("results", .array(rendered))]) }
        return rendered.first ?? .null
    }

    /// A property value in SAP Gateway's JSON form.
    func value(of property: PropertyModel, in record: EntityRecord) -> JSONValue {
        let stored = record[property.name] ?? property.initialValue
        switch stored {
        case .string(let text):
            return .string(property.displayFormat == "NonNegative" ? EDMFormat.strippingLeadingZeros(text) : text)
        case .decimal(let number):
            return .string(EDMFormat.decimalString(number, scale: scale(of: property, in: record)))
        case .int(let number):
            return property.type == "Edm.Int64" ? .string("\(number)") : .number("\(number)")
        case .bool(let flag): return .bool(flag)
        case .dateTime(let date): return .string(EDMFormat.jsonDateTime(date))
        case .dateTimeOffset(let date): return .string(EDMFormat.jsonDateTimeOffset(date))
        case .time(let seconds): return .string(EDMFormat.jsonTime(seconds))
        case .guid(let text): return .string(text)
        case .null: return .null
        }
    }

    /// Amounts follow their currency's decimals (`TotalNetAmount "2656.24"` although Scale=3); others use Scale.
    private func scale(of property: PropertyModel, in record: EntityRecord) -> Int {
        guard property.isCurrencyAmount, let unit = property.unitProperty else { return property.scale ?? 0 }
        return EDMFormat.currencyDecimals(record[unit]?.stringValue ?? "")
    }
}
