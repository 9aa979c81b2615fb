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
        serviceRoot + "/" + set + "(" + KeyPredicate.text(type: type, record: record) + ")"
    }

    /// One entity as a JSON object, honouring `$select` items and `$expand` paths relative to it.
    func entity(
        _ record: EntityRecord, type: EntityTypeModel, select: [String] = [], expand: [[String]] = []
    ) -> JSONValue {
        var output: [UInt8] = []
        write(record, shape: EntityShape(type: type, select: select, expand: expand, service: service), to: &output)
        return .raw(output)
    }

    /// Entities of one type as JSON objects, each as `entity(_:type:select:expand:)` writes it (the `$select`
    /// and `$expand` plan is worked out once for all of them).
    func entities(
        _ records: some Collection<EntityRecord>, type: EntityTypeModel, select: [String] = [], expand: [[String]] = []
    ) -> [JSONValue] {
        let shape = EntityShape(type: type, select: select, expand: expand, service: service)
        return records.map { record in
            var output: [UInt8] = []
            write(record, shape: shape, to: &output)
            return .raw(output)
        }
    }

    /// Writes one entity's JSON object straight as text (no intermediate tree; these are most of every response).
    private func write(_ record: EntityRecord, shape: EntityShape, to output: inout [UInt8]) {
        let type = shape.type
        let selfURI = uri(set: shape.setName, type: type, record: record)
        output.append(contentsOf: #"{"__metadata":{"id":"#.utf8)
        JSONValue.writeString(selfURI, to: &output)
        output.append(contentsOf: #","uri":"#.utf8)
        JSONValue.writeString(selfURI, to: &output)
        output.append(contentsOf: #","type":"#.utf8)
        JSONValue.writeString(shape.typeName, to: &output)
        if let token = type.concurrencyToken, let date = record[token.name]?.dateValue {
            output.append(contentsOf: #","etag":"#.utf8)
            JSONValue.writeString(EDMFormat.etag(for: date), to: &output)
        }
        output.append(UInt8(ascii: "}"))
        for property in shape.properties {
            output.append(UInt8(ascii: ","))
            JSONValue.writeString(property.name, to: &output)
            output.append(UInt8(ascii: ":"))
            value(of: property, in: record).write(to: &output)
        }
        for navigation in shape.navigations {
            output.append(UInt8(ascii: ","))
            switch navigation {
            case .expanded(let model, let target):
                JSONValue.writeString(model.name, to: &output)
                output.append(UInt8(ascii: ":"))
                writeExpanded(model, of: record, type: type, target: target, to: &output)
            case .deferred(let name):
                JSONValue.writeString(name, to: &output)
                output.append(contentsOf: #":{"__deferred":{"uri":"#.utf8)
                JSONValue.writeString(selfURI + "/" + name, to: &output)
                output.append(contentsOf: "}}".utf8)
            }
        }
        output.append(UInt8(ascii: "}"))
    }

    /// `{"results":[...]}` for a to-many navigation, the entity or `null` for a to-one.
    private func writeExpanded(
        _ navigation: NavigationModel, of record: EntityRecord, type: EntityTypeModel, target: EntityShape?,
        to output: inout [UInt8]
    ) {
        guard let target else { return output.append(contentsOf: "null".utf8) }
        let rows = related(type, record, navigation)
        guard navigation.isCollection else {
            guard let first = rows.first else { return output.append(contentsOf: "null".utf8) }
            return write(first, shape: target, to: &output)
        }
        output.append(contentsOf: #"{"results":["#.utf8)
        for (index, row) in rows.enumerated() {
            if index > 0 { output.append(UInt8(ascii: ",")) }
            write(row, shape: target, to: &output)
        }
        output.append(contentsOf: "]}".utf8)
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
