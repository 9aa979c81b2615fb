import Foundation
import Hummingbird

extension SalesforceSimulator {
    /// `GET /sobjects` (describeGlobal), `GET /sobjects/<Type>` (basic information) and
    /// `GET /sobjects/<Type>/describe`, reduced to the members common clients read: names, key prefixes, field
    /// names, types, labels, picklist values, lookups and child relationships.
    func describeGlobal(version: String) -> Response {
        let objects = state.withLock { $0.schema.objects }
        return RESTResponse.json(
            200,
            .object([
                ("encoding", .string("UTF-8")), ("maxBatchSize", .number(200)),
                ("sobjects", .array(objects.map { summary($0, version: version) })),
            ]))
    }

    func describeBasic(type: String, version: String) throws(SalesforceError) -> Response {
        let object = try object(type)
        return RESTResponse.json(200, .object([("objectDescribe", summary(object, version: version)), ("recentItems", .array([]))]))
    }

    func describe(type: String, version: String) throws(SalesforceError) -> Response {
        let object = try object(type)
        guard case .object(var members) = summary(object, version: version) else { return RESTResponse.error(.notFound) }
        members.append(("fields", .array(object.fields.map(Self.describeField))))
        members.append((
            "childRelationships",
            .array(object.childRelationships.map { relationship in
                .object([
                    ("childSObject", .string(relationship.childType)), ("field", .string(relationship.field)),
                    ("relationshipName", .string(relationship.name)),
                ])
            })
        ))
        return RESTResponse.json(200, .object(members))
    }

    /// `GET /limits`: `{"DailyApiRequests":{"Max":…,"Remaining":…}}`.
    func limits() -> Response {
        let used = apiUsage
        let maximum = configuration.dailyApiRequestLimit
        return RESTResponse.json(
            200,
            .object([
                ("DailyApiRequests", .object([("Max", .number(Decimal(maximum))), ("Remaining", .number(Decimal(max(0, maximum - used))))]))
            ]))
    }

    private func summary(_ object: ObjectDescriptor, version: String) -> JSONValue {
        let base = "/services/data/\(version)/sobjects/\(object.name)"
        return .object([
            ("name", .string(object.name)), ("label", .string(object.name)), ("keyPrefix", .string(object.keyPrefix)),
            ("custom", .bool(false)), ("queryable", .bool(true)), ("createable", .bool(true)), ("updateable", .bool(true)),
            ("deletable", .bool(true)), ("replicateable", .bool(true)),
            ("urls", .object([("sobject", .string(base)), ("describe", .string("\(base)/describe")), ("rowTemplate", .string("\(base)/{ID}"))])),
        ])
    }

    private static func describeField(_ field: FieldDescriptor) -> JSONValue {
        let type: String
        var picklist: [String] = []
        var referenceTo: [String] = []
        var relationshipName: JSONValue = .null
        switch field.type {
        case .id: type = "id"
        case .string: type = "string"
        case .email: type = "email"
        case .textArea: type = "textarea"
        case .boolean: type = "boolean"
        case .date: type = "date"
        case .dateTime: type = "datetime"
        case .currency: type = "currency"
        case .double: type = "double"
        case .picklist(let values, _):
            type = "picklist"
            picklist = values
        case .reference(let target, let relationship):
            type = "reference"
            referenceTo = [target]
            relationshipName = .string(relationship)
        }
        let restricted: Bool
        if case .picklist(_, let isRestricted) = field.type { restricted = isRestricted } else { restricted = false }
        return .object([
            ("name", .string(field.name)), ("label", .string(field.label)), ("type", .string(type)),
            ("custom", .bool(field.name.hasSuffix("__c"))), ("createable", .bool(field.writable)),
            ("updateable", .bool(field.writable)), ("nillable", .bool(!field.required && field.type != .boolean)),
            ("restrictedPicklist", .bool(restricted)),
            ("picklistValues", .array(picklist.map { .object([("value", .string($0)), ("label", .string($0)), ("active", .bool(true))]) })),
            ("referenceTo", .array(referenceTo.map(JSONValue.string))), ("relationshipName", relationshipName),
        ])
    }
}
