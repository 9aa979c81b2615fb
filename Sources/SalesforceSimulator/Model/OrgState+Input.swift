import Foundation

extension OrgState {
    /// Converts a REST body's members into stored values for `object`, as the REST API validates them: unknown
    /// fields -> 400 `INVALID_FIELD`, read-only fields -> `INVALID_FIELD_FOR_INSERT_UPDATE`, bad restricted
    /// picklist values -> `INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST`, malformed Ids -> `MALFORMED_ID`, values of the
    /// wrong JSON type -> `JSON_PARSER_ERROR`.
    func fieldValues(from members: [(String, JSONValue)], for object: ObjectDescriptor) throws(SalesforceError)
        -> [String: FieldValue]
    {
        var values: [String: FieldValue] = [:]
        for (key, json) in members where key != "attributes" {
            guard let field = object.field(key) else { throw .invalidFieldOnWrite(key, type: object.name) }
            guard field.writable else {
                throw SalesforceError(
                    status: 400, errorCode: "INVALID_FIELD_FOR_INSERT_UPDATE",
                    message: "Unable to create/update fields: \(field.name). Please check the security settings of "
                        + "this field and verify that it is read/write for your profile or permission set.",
                    fields: [field.name])
            }
            values[field.name] = try convert(json, for: field)
        }
        return values
    }

    private func convert(_ json: JSONValue, for field: FieldDescriptor) throws(SalesforceError) -> FieldValue {
        if json == .null { return .null }
        func parserError(_ kind: String) -> SalesforceError {
            .jsonParser(
                "Cannot deserialize instance of \(kind) from \(json.serialized()) value or request may be missing a "
                    + "required field")
        }
        switch field.type {
        case .string, .email, .textArea:
            switch json {
            case .string(let text): return .string(text)
            case .number(let number): return .string(number.description)
            case .bool(let flag): return .string(flag ? "true" : "false")
            default: throw parserError("string")
            }
        case .picklist(let allowed, let restricted):
            guard case .string(let text) = json else { throw parserError("picklist") }
            if field.name == "CurrencyIsoCode", !text.isEmpty, !(text.count == 3 && text.allSatisfy(\.isUppercase)) {
                throw SalesforceError(
                    status: 400, errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    message: "Currency ISO Code: invalid currency code: \(text)", fields: [field.name])
            }
            if restricted, !allowed.contains(text) {
                throw SalesforceError(
                    status: 400, errorCode: "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST",
                    message: "\(field.label): bad value for restricted picklist field: \(text)", fields: [field.name])
            }
            return .string(text)
        case .boolean:
            switch json {
            case .bool(let flag): return .bool(flag)
            case .string("true"): return .bool(true)
            case .string("false"): return .bool(false)
            default: throw parserError("boolean")
            }
        case .date:
            guard case .string(let text) = json, let date = SalesforceDateFormat.parseDate(text) else {
                throw parserError("date")
            }
            return .date(date)
        case .dateTime:
            guard case .string(let text) = json, let date = SalesforceDateFormat.parseDateTime(text) else {
                throw parserError("datetime")
            }
            return .dateTime(SalesforceDateFormat.wholeSeconds(date))
        case .currency, .double:
            switch json {
            case .number(let number): return .number(number)
            case .string(let text):
                guard let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
                    throw parserError("double")
                }
                return .number(number)
            default: throw parserError("double")
            }
        case .id:
            guard case .string(let text) = json, let id = SalesforceId.canonical(text) else {
                throw .malformedId(json.stringValue ?? json.serialized(), label: field.label)
            }
            return .string(id)
        case .reference(let target, _):
            guard case .string(let text) = json, let id = SalesforceId.canonical(text),
                schema.object(forId: id)?.name == target
            else {
                throw SalesforceError(
                    status: 400, errorCode: "MALFORMED_ID",
                    message: "\(field.label): id value of incorrect type: \(json.stringValue ?? json.serialized())",
                    fields: [field.name])
            }
            guard let parent = records[id], !parent.isDeleted else {
                throw SalesforceError(
                    status: 400, errorCode: "INVALID_CROSS_REFERENCE_KEY", message: "invalid cross reference id",
                    fields: [])
            }
            return .string(id)
        }
    }
}
