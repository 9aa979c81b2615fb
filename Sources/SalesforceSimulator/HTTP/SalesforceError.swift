import Foundation

/// An error answered as Salesforce does: an HTTP status and a JSON array `[{message, errorCode, fields?}]`
/// (REST API Developer Guide, "Status Codes and Error Responses").
public struct SalesforceError: Error, Sendable, Equatable {
    /// HTTP status, e.g. 400.
    public var status: Int
    /// `errorCode`, e.g. `MALFORMED_ID`.
    public var errorCode: String
    public var message: String
    /// `fields`, present on DML errors (possibly empty) and absent on query and session errors.
    public var fields: [String]?

    public init(status: Int, errorCode: String, message: String, fields: [String]? = nil) {
        self.status = status
        self.errorCode = errorCode
        self.message = message
        self.fields = fields
    }

    /// The body: a one-element error array.
    var body: JSONValue {
        var members: [(String, JSONValue)] = [("message", .string(message)), ("errorCode", .string(errorCode))]
        if let fields { members.append(("fields", .array(fields.map(JSONValue.string)))) }
        return .array([.object(members)])
    }

    /// The per-record form used by sObject Collections: `{statusCode, message, fields}`.
    var collectionEntry: JSONValue {
        .object([
            ("statusCode", .string(errorCode)), ("message", .string(message)),
            ("fields", .array((fields ?? []).map(JSONValue.string))),
        ])
    }

    static let notFound = SalesforceError(
        status: 404, errorCode: "NOT_FOUND", message: "The requested resource does not exist")
    static let invalidSession = SalesforceError(
        status: 401, errorCode: "INVALID_SESSION_ID", message: "Session expired or invalid")
    static let requestLimitExceeded = SalesforceError(
        status: 403, errorCode: "REQUEST_LIMIT_EXCEEDED", message: "TotalRequests Limit exceeded.")
    static let entityIsDeleted = SalesforceError(
        status: 404, errorCode: "ENTITY_IS_DELETED", message: "entity is deleted", fields: [])
    static let unableToLockRow = SalesforceError(
        status: 400, errorCode: "UNABLE_TO_LOCK_ROW", message: "unable to obtain exclusive access to this record",
        fields: [])

    static func malformedId(_ id: String, label: String = "Record") -> SalesforceError {
        SalesforceError(
            status: 400, errorCode: "MALFORMED_ID", message: "\(label) ID: id value of incorrect type: \(id)",
            fields: ["Id"])
    }

    static func invalidFieldOnWrite(_ field: String, type: String) -> SalesforceError {
        SalesforceError(status: 400, errorCode: "INVALID_FIELD", message: "No such column '\(field)' on sobject of type \(type)")
    }

    static func jsonParser(_ message: String) -> SalesforceError {
        SalesforceError(status: 400, errorCode: "JSON_PARSER_ERROR", message: message)
    }
}
