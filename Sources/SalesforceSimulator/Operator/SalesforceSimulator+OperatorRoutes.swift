import Foundation
import Hummingbird

extension SalesforceSimulator {
    /// JSON routes of the operator API under `/_operator/salesforce`:
    /// - `POST opportunities` `{accountId, name, stage, closeDate, currency?, lines:[{productCode, quantity, unitPrice}],
    ///   contactIds?, commitLagSeconds?}` -> `{"id"}`
    /// - `POST opportunities/{id}/close` `{won, commitLagSeconds?}`; `POST opportunities/{id}/reopen` `{stage?, commitLagSeconds?}`
    /// - `PATCH records/{id}` `{fields:{…}, commitLagSeconds?}`; `POST records/bulk-update` `{records:[{id, fields}]}`
    /// - `DELETE records/{id}`; `GET records/{id}` (REST record shape); `GET counts`; `GET seed-ids`;
    ///   `POST sessions/expire`
    /// Errors answer the Salesforce error array with its status.
    func addSalesforceOperatorRoutes(to router: Router<BasicRequestContext>) {
        let group = router.group("/_operator/salesforce")
        group.post("opportunities") { [self] request, _ in
            await self.operatorCall(request) { body throws(SalesforceError) in
                let draft = try Self.draft(from: body)
                let id = try self.addOpportunity(draft, commitLagSeconds: Self.lag(body))
                return .object([("id", .string(id))])
            }
        }
        group.post("opportunities/:id/close") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.operatorCall(request) { body throws(SalesforceError) in
                try self.closeOpportunity(id: id, won: body["won"] != .bool(false), commitLagSeconds: Self.lag(body))
                return nil
            }
        }
        group.post("opportunities/:id/reopen") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.operatorCall(request) { body throws(SalesforceError) in
                try self.reopenOpportunity(
                    id: id, stage: body["stage"]?.stringValue ?? "Negotiation/Review", commitLagSeconds: Self.lag(body))
                return nil
            }
        }
        group.patch("records/:id") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.operatorCall(request) { body throws(SalesforceError) in
                try self.updateRecord(id: id, fields: try Self.fields(body["fields"]), commitLagSeconds: Self.lag(body))
                return nil
            }
        }
        group.post("records/bulk-update") { [self] request, _ in
            await self.operatorCall(request) { body throws(SalesforceError) in
                var updates: [(id: String, fields: [String: FieldValue])] = []
                for entry in body["records"]?.arrayValue ?? [] {
                    updates.append((entry["id"]?.stringValue ?? "", try Self.fields(entry["fields"])))
                }
                try self.updateRecords(updates)
                return nil
            }
        }
        group.delete("records/:id") { [self] request, context in
            let id = context.parameters.get("id") ?? ""
            return await self.operatorCall(request) { _ throws(SalesforceError) in
                try self.deleteRecord(id: id)
                return nil
            }
        }
        group.get("records/:id") { [self] _, context in
            let text = context.parameters.get("id") ?? ""
            guard let id = SalesforceId.canonical(text) else { return RESTResponse.error(.malformedId(text)) }
            let json = self.withOrg { org -> JSONValue? in
                guard let record = org.records[id], let object = org.schema.object(record.type) else { return nil }
                return try? Self.recordJSON(record, object: object, fields: nil, org: org, version: "v60.0")
            }
            return json.map { RESTResponse.json(200, $0) } ?? RESTResponse.error(.notFound)
        }
        group.get("counts") { [self] _, _ in
            let types = self.withOrg { org in org.schema.objects.map(\.name) }
            return RESTResponse.json(200, .object(types.map { ($0, .number(Decimal(self.count($0)))) }))
        }
        group.get("seed-ids") { [self] _, _ in
            RESTResponse.json(200, .object(self.seedIndex.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))
        }
        group.post("sessions/expire") { [self] _, _ in
            self.expireAllSessions()
            return RESTResponse.json(204, nil)
        }
    }

    private func operatorCall(
        _ request: Request, _ body: (JSONValue) throws(SalesforceError) -> JSONValue?
    ) async -> Response {
        let text = await RESTResponse.bodyText(request) ?? ""
        do throws(SalesforceError) {
            let json = text.isEmpty ? JSONValue.object([]) : try parsedOperatorBody(text)
            let result = try body(json)
            return RESTResponse.json(result == nil ? 204 : 200, result)
        } catch {
            return RESTResponse.error(error)
        }
    }

    private func parsedOperatorBody(_ text: String) throws(SalesforceError) -> JSONValue {
        do throws(JSONParser.SyntaxError) {
            return try JSONParser.parse(text)
        } catch {
            throw .jsonParser("Unexpected character at [line:\(error.line), column:\(error.column)]")
        }
    }

    private static func lag(_ body: JSONValue) -> Double {
        if case .number(let seconds) = body["commitLagSeconds"] { return NSDecimalNumber(decimal: seconds).doubleValue }
        return 0
    }

    /// Operator field values: JSON strings, numbers, booleans and null, as the REST API takes them.
    private static func fields(_ json: JSONValue?) throws(SalesforceError) -> [String: FieldValue] {
        guard let members = json?.objectMembers else { throw .jsonParser("fields must be a JSON object") }
        var fields: [String: FieldValue] = [:]
        for (name, value) in members {
            switch value {
            case .null: fields[name] = .null
            case .bool(let flag): fields[name] = .bool(flag)
            case .number(let number): fields[name] = .number(number)
            case .string(let text): fields[name] = .string(text)
            default: throw .jsonParser("field \(name) must be a string, number, boolean or null")
            }
        }
        return fields
    }

    private static func draft(from body: JSONValue) throws(SalesforceError) -> OpportunityDraft {
        guard let accountId = body["accountId"]?.stringValue, let name = body["name"]?.stringValue,
            let stage = body["stage"]?.stringValue, let closeDate = body["closeDate"]?.stringValue
        else { throw .jsonParser("accountId, name, stage and closeDate are required") }
        var lines: [OpportunityDraft.Line] = []
        for line in body["lines"]?.arrayValue ?? [] {
            guard let code = line["productCode"]?.stringValue, case .number(let quantity) = line["quantity"],
                case .number(let price) = line["unitPrice"]
            else { throw .jsonParser("lines need productCode, quantity and unitPrice") }
            lines.append(.init(productCode: code, quantity: quantity, unitPrice: price))
        }
        return OpportunityDraft(
            accountId: accountId, name: name, stage: stage, closeDate: closeDate, currency: body["currency"]?.stringValue,
            lines: lines, contactIds: (body["contactIds"]?.arrayValue ?? []).compactMap(\.stringValue))
    }
}
