import Foundation
import Hummingbird

extension SalesforceSimulator {
    /// `PATCH /composite/sobjects` (update) and `POST /composite/sobjects` (create), up to 200 records of mixed
    /// types (REST API "sObject Collections"). Always 200 with one result per record in request order unless the
    /// request itself is malformed (400). With `allOrNone: true` one failure rolls every record back: the failing
    /// records carry their own error, the others `ALL_OR_NONE_OPERATION_ROLLED_BACK`.
    func collections(_ request: Request, version: String) async throws(SalesforceError) -> Response {
        let body = try await jsonBody(request)
        guard let records = body["records"]?.arrayValue else {
            throw SalesforceError(status: 400, errorCode: "INVALID_FIELD", message: "Missing required field: records")
        }
        guard records.count <= 200 else {
            throw SalesforceError(
                status: 400, errorCode: "EXCEEDED_ID_LIMIT",
                message: "record limit reached. cannot submit more than 200 records into this call")
        }
        let allOrNone = body["allOrNone"] == .bool(true)
        let creating = request.method == .post
        let lockDraws = records.map { _ in drawsLockRow() }
        let stamp = stampNow
        let outcomes = withOrg { org -> [(id: String?, error: SalesforceError?)] in
            func applyAll(to target: inout OrgState) -> [(id: String?, error: SalesforceError?)] {
                var outcomes: [(id: String?, error: SalesforceError?)] = []
                for (index, record) in records.enumerated() {
                    do throws(SalesforceError) {
                        let id = try Self.applyCollectionRecord(
                            record, creating: creating, lockDraw: lockDraws[index], stamp: stamp, org: &target)
                        outcomes.append((id, nil))
                    } catch {
                        let knownId = creating ? nil : record["id"]?.stringValue.flatMap(SalesforceId.canonical)
                        outcomes.append((error.errorCode == "MALFORMED_ID" ? nil : knownId, error))
                    }
                }
                return outcomes
            }
            // Without allOrNone nothing is rolled back, so the records are applied in place (a working copy of the
            // org would copy every record on the first write).
            guard allOrNone else { return applyAll(to: &org) }
            var working = org
            let outcomes = applyAll(to: &working)
            if !outcomes.contains(where: { $0.error != nil }) { org = working }
            return outcomes
        }
        let failed = outcomes.contains { $0.error != nil }
        let rolledBack = SalesforceError(
            status: 400, errorCode: "ALL_OR_NONE_OPERATION_ROLLED_BACK",
            message: "Record rolled back because not all records were valid and the request was using AllOrNone header",
            fields: [])
        let results: [JSONValue] = outcomes.map { outcome in
            var members: [(String, JSONValue)] = []
            let error = outcome.error ?? (allOrNone && failed ? rolledBack : nil)
            let showsId = outcome.id != nil && !(creating && error != nil)
            if showsId, let id = outcome.id { members.append(("id", .string(id))) }
            members.append(("success", .bool(error == nil)))
            members.append(("errors", .array(error.map { [$0.collectionEntry] } ?? [])))
            return .object(members)
        }
        return RESTResponse.json(200, .array(results))
    }

    /// Validates and applies one record of a collection; returns its Id.
    private static func applyCollectionRecord(
        _ record: JSONValue, creating: Bool, lockDraw: Bool, stamp: Date, org: inout OrgState
    ) throws(SalesforceError) -> String {
        guard let members = record.objectMembers, let typeName = record["attributes"]?["type"]?.stringValue,
            let object = org.schema.object(typeName)
        else {
            throw SalesforceError(
                status: 400, errorCode: "INVALID_TYPE", message: "Must send a concrete entity type.", fields: [])
        }
        let fields = members.filter { $0.0.lowercased() != "id" }
        if creating {
            if lockDraw { throw .unableToLockRow }
            return try org.create(object, values: try org.fieldValues(from: fields, for: object), stamp: stamp)
        }
        guard let text = record["id"]?.stringValue ?? record["Id"]?.stringValue else {
            throw SalesforceError(
                status: 400, errorCode: "MISSING_ARGUMENT", message: "Id not specified in an update call", fields: [])
        }
        guard let id = SalesforceId.canonical(text), id.hasPrefix(object.keyPrefix) else {
            throw .malformedId(text, label: object.name)
        }
        // A write still uncommitted (an operator write with commit lag: a long transaction) holds the row lock;
        // Salesforce answers UNABLE_TO_LOCK_ROW once its lock wait (about 10 s) runs out.
        if lockDraw || org.pending.contains(where: { $0.record.id == id }) {
            throw SalesforceError(
                status: 400, errorCode: "UNABLE_TO_LOCK_ROW",
                message: "unable to obtain exclusive access to this record or 1 records: \(id)", fields: [])
        }
        try org.update(id, values: try org.fieldValues(from: fields, for: object), stamp: stamp)
        return id
    }
}
