import Foundation
import SyncCore

/// Typed reads of Salesforce record fields (REST API "Field value formats"), failing with `SyncError`.
enum SalesforceDecoding {
    /// A `.malformedResponse` error saying what was expected.
    static func malformed(_ expected: String, record: String? = nil, field: String? = nil) -> SyncError {
        SyncError(
            code: .malformedResponse, system: .salesforce,
            message: "Salesforce answered with an unexpected shape: expected \(expected)",
            recordID: record, field: field)
    }

    /// Checks that a response body is complete JSON (what `json` would parse), without building it.
    /// - Throws: `.malformedResponse` for non-JSON or truncated text.
    static func validateJSON(_ body: Data) throws(SyncError) {
        do {
            try JSONValue.validate(body)
        } catch {
            throw SyncError(
                code: .malformedResponse, system: .salesforce,
                message: "Salesforce answered with text that is not complete JSON",
                underlying: "\(error.reason) at byte \(error.offset)")
        }
    }

    /// Parses a response body as JSON.
    /// - Throws: `.malformedResponse` for non-JSON or truncated text.
    static func json(_ body: Data) throws(SyncError) -> JSONValue {
        do {
            return try JSONValue.parse(body)
        } catch {
            throw SyncError(
                code: .malformedResponse, system: .salesforce,
                message: "Salesforce answered with text that is not complete JSON",
                underlying: "\(error.reason) at byte \(error.offset)")
        }
    }
}
