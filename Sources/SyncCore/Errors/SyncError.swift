/// The systems CRMSync talks to, plus its own parts, as named in errors, metrics and the journal.
public enum SyncSystem: String, Sendable, Hashable, Codable, CaseIterable {
    case salesforce
    case sap
    case zohoBooks = "zoho"
    case slack
    case stateStore = "state"
    case configuration = "config"
}

/// The one error type of CRMSync.
///
/// `code` is stable and low-cardinality (safe for metric labels, the journal and exit codes). `message` says what
/// happened and what to do, in words for people; it never holds a payload, a token, a secret or a URL with
/// credentials. `isRetryable` is derived from `code` in one place.
///
/// Example: a Sales Order create rejected by SAP for an unknown material:
/// ```
/// SyncError(code: .validationFailed, system: .sap, message: "Material TG99 is not defined for sales org. 1710",
///           httpStatus: 400, vendorCode: "V1/331", recordID: "006Aa00000AbCdEIAV", field: "Material")
/// ```
public struct SyncError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// A stable error code. New codes are added as `static let`s, so adding one breaks nobody.
    public struct Code: Sendable, Hashable, Codable, RawRepresentable, CustomStringConvertible {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// HTTP 429, Zoho codes 44/1070, Salesforce concurrent-request limit: retry after a pause.
        public static let rateLimited = Code(rawValue: "rate_limited")
        /// HTTP 500/502/503/504 or an SAP API Management fault: retry.
        public static let serverError = Code(rawValue: "server_error")
        /// Connection refused or reset: retry.
        public static let connectionFailed = Code(rawValue: "connection_failed")
        /// A connect, read or overall deadline passed: retry (for creates, only after the reference lookup).
        public static let timeout = Code(rawValue: "timeout")
        /// Salesforce `UNABLE_TO_LOCK_ROW`: retry.
        public static let rowLocked = Code(rawValue: "row_locked")
        /// A response that is not the JSON the API documents (HTML, truncated): retry.
        public static let malformedResponse = Code(rawValue: "malformed_response")
        /// Credentials rejected even after a token refresh (Salesforce `invalid_grant`, Zoho `invalid_code`, 401).
        public static let authenticationFailed = Code(rawValue: "authentication_failed")
        /// Daily API quota used up (Salesforce `REQUEST_LIMIT_EXCEEDED`, Zoho code 45) or CRMSync's quota guard:
        /// stop that system's work until the next window; never retried in a loop, never a record's fault.
        public static let quotaExhausted = Code(rawValue: "quota_exhausted")
        /// The target system rejected the record's data (HTTP 400 business/validation errors).
        public static let validationFailed = Code(rawValue: "validation_failed")
        /// The addressed record or resource does not exist (404, `ENTITY_IS_DELETED`, Zoho 1002).
        public static let notFound = Code(rawValue: "not_found")
        /// The request itself was wrong (malformed SOQL/OData, unknown field): a bug or a configuration mismatch.
        public static let malformedRequest = Code(rawValue: "malformed_request")
        /// A source record is unusable as it stands (missing ProductCode, zero quantity, unknown currency...).
        public static let invalidInput = Code(rawValue: "invalid_input")
        /// Permission denied (HTTP 403 other than CSRF and quota).
        public static let forbidden = Code(rawValue: "forbidden")
        /// A configuration value is missing or invalid.
        public static let configuration = Code(rawValue: "configuration")
        /// The state store failed or is locked by another runner.
        public static let stateStore = Code(rawValue: "state_store")
        /// Another runner holds the state store's lock.
        public static let locked = Code(rawValue: "locked")
        /// A conflict with the target's current state (duplicate name, already voided, ETag mismatch).
        public static let conflict = Code(rawValue: "conflict")
        /// This replica no longer holds the flow's lease (another replica took it over): nothing is committed.
        public static let leaseLost = Code(rawValue: "lease_lost")

        /// Whether errors with this code are about the record itself (validation, bad input, not found, conflict).
        public var isRecordFault: Bool {
            [Code.validationFailed, .invalidInput, .notFound, .conflict].contains(self)
        }
    }

    /// The stable code.
    public var code: Code
    /// The system the error came from.
    public var system: SyncSystem
    /// What happened and what to do; never a secret or a payload.
    public var message: String
    /// The vendor's HTTP status, when there was a response.
    public var httpStatus: Int?
    /// The vendor's own error code (`INVALID_FIELD`, `V1/331`, Zoho `"1002"`), when there was one.
    public var vendorCode: String?
    /// The record the error is about (Opportunity Id, Product2 Id, payment id...), when known.
    public var recordID: String?
    /// The field the error is about (`Product2.ProductCode`, `OpportunityLineItem.Quantity`...), when known.
    public var field: String?
    /// A short description of the underlying cause (an error type and its description, secrets removed).
    public var underlying: String?
    /// Seconds the server asked to wait (`Retry-After`, Zoho `X-Rate-Limit-Reset` on a 429), when given.
    public var retryAfterSeconds: Double?
    /// True when a create request may have been carried out although no answer arrived (timeout or reset after
    /// sending, truncated success): the caller must look the target up by its reference before creating again.
    public var outcomeUnknown: Bool

    public init(
        code: Code, system: SyncSystem, message: String, httpStatus: Int? = nil, vendorCode: String? = nil,
        recordID: String? = nil, field: String? = nil, underlying: String? = nil, retryAfterSeconds: Double? = nil,
        outcomeUnknown: Bool = false
    ) {
        self.code = code
        self.system = system
        self.message = message
        self.httpStatus = httpStatus
        self.vendorCode = vendorCode
        self.recordID = recordID
        self.field = field
        self.underlying = underlying
        self.retryAfterSeconds = retryAfterSeconds
        self.outcomeUnknown = outcomeUnknown
    }

    /// Whether trying the same call again may succeed: rate limits, server errors, connection failures,
    /// timeouts, row locks and malformed responses. Quota exhaustion is not retryable.
    public var isRetryable: Bool {
        switch code {
        case .rateLimited, .serverError, .connectionFailed, .timeout, .rowLocked, .malformedResponse: true
        default: false
        }
    }

    /// Whether the error is about the record itself (it becomes a dead letter) rather than the system.
    public var isRecordFault: Bool { code.isRecordFault }

    /// `system code [record field]: message (HTTP status, vendor code)`.
    public var description: String {
        var text = "\(system.rawValue) \(code.rawValue)"
        if let recordID { text += " record \(recordID)" }
        if let field { text += " field \(field)" }
        text += ": \(message)"
        var extra: [String] = []
        if let httpStatus { extra.append("HTTP \(httpStatus)") }
        if let vendorCode { extra.append(vendorCode) }
        if !extra.isEmpty { text += " (\(extra.joined(separator: ", ")))" }
        return text
    }

    /// A copy naming the record and field.
    public func about(record: String?, field: String? = nil) -> SyncError {
        var copy = self
        if let record { copy.recordID = record }
        if let field { copy.field = field }
        return copy
    }
}
