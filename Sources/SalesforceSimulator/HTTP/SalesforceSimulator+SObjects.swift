import Foundation
import Hummingbird

extension SalesforceSimulator {
    /// The describe of `type`, or 404 `NOT_FOUND` for an sObject the org does not have.
    func object(_ type: String) throws(SalesforceError) -> ObjectDescriptor {
        guard let object = state.withLock({ $0.schema.object(type) }) else { throw .notFound }
        return object
    }

    /// `POST /sobjects/<Type>`: 201 `{"id","success":true,"errors":[]}` with `Location`.
    func createRecord(_ request: Request, type: String, version: String) async throws(SalesforceError) -> Response {
        let object = try object(type)
        guard let members = try await jsonBody(request).objectMembers else { throw .jsonParser("Expected a JSON object") }
        if drawsLockRow() { throw .unableToLockRow }
        let stamp = stampNow
        let id = try withOrg { (org: inout OrgState) throws(SalesforceError) -> String in
            try org.create(object, values: try org.fieldValues(from: members, for: object), stamp: stamp)
        }
        var headers = HTTPFields()
        headers[.location] = "/services/data/\(version)/sobjects/\(object.name)/\(id)"
        return RESTResponse.json(
            201, .object([("id", .string(id)), ("success", .bool(true)), ("errors", .array([]))]), headers: headers)
    }

    /// `GET|PATCH|DELETE /sobjects/<Type>/<Id>`: the record (all fields, or `?fields=A,B`), an update (204) or a
    /// delete (204; again -> 404 `ENTITY_IS_DELETED`). Malformed Ids or checksums -> 400 `MALFORMED_ID`; an Id of
    /// another type or unknown -> 404 `NOT_FOUND`.
    func recordResource(_ request: Request, type: String, id text: String, version: String) async throws(SalesforceError)
        -> Response
    {
        let object = try object(type)
        guard let id = SalesforceId.canonical(text) else { throw .malformedId(text) }
        guard id.hasPrefix(object.keyPrefix) else { throw .notFound }
        switch request.method {
        case .get:
            let fieldNames = RESTResponse.queryParameters(request)["fields"]?.split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            return RESTResponse.json(200, try withOrg { (org: inout OrgState) throws(SalesforceError) -> JSONValue in
                try Self.recordJSON(try org.liveRecord(id), object: object, fields: fieldNames, org: org, version: version)
            })
        case .patch:
            guard let members = try await jsonBody(request).objectMembers else { throw .jsonParser("Expected a JSON object") }
            if drawsLockRow() { throw .unableToLockRow }
            let stamp = stampNow
            try withOrg { (org: inout OrgState) throws(SalesforceError) in
                _ = try org.liveRecord(id)
                if org.pending.contains(where: { $0.record.id == id }) { throw .unableToLockRow }  // a long transaction holds it
                try org.update(id, values: try org.fieldValues(from: members, for: object), stamp: stamp)
            }
            return RESTResponse.json(204, nil)
        default:
            if drawsLockRow() { throw .unableToLockRow }
            let stamp = stampNow
            try withOrg { (org: inout OrgState) throws(SalesforceError) in try org.delete(id, stamp: stamp) }
            return RESTResponse.json(204, nil)
        }
    }

    /// A record as `GET /sobjects` renders it: `attributes`, then the fields in describe order.
    static func recordJSON(_ record: SObjectRecord, object: ObjectDescriptor, fields: [String]?, org: OrgState,
                           version: String) throws(SalesforceError) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("attributes", .object([
                ("type", .string(object.name)), ("url", .string("/services/data/\(version)/sobjects/\(object.name)/\(record.id)")),
            ]))
        ]
        if let fields {
            for name in fields {
                guard let field = object.field(name) else {
                    throw SalesforceError(
                        status: 400, errorCode: "INVALID_FIELD",
                        message: "No such column '\(name)' on entity '\(object.name)'. If you are attempting to use a "
                            + "custom field, be sure to append the '__c' after the custom field name. Please reference "
                            + "your WSDL or the describe call for the appropriate names.")
                }
                members.append((field.name, org.value(of: field.name, in: record).json))
            }
        } else {
            for field in object.fields { members.append((field.name, org.value(of: field.name, in: record).json)) }
        }
        return .object(members)
    }
}
