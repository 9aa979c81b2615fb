import Foundation

/// A Zoho Books error answer: HTTP status plus the flat `{"code": n, "message": "…"}` body (zoho.md §5,
/// `samples/errors/api-error-bodies.json`). Statuses marked [ASSUME] are not stated by any source.
struct ZohoAPIError: Error, Sendable, Hashable {
    var status: Int
    var code: Int
    var message: String

    /// No usable `Authorization: Zoho-oauthtoken` header.
    static let missingAuthorization = ZohoAPIError(
        status: 401, code: 14,
        message: "The request could not be authenticated as the authentication value you entered is invalid. "
            + "Enter a valid authentication value and try again.")
    /// Unknown, revoked or expired access token.
    static let notAuthorized = ZohoAPIError(
        status: 401, code: 57, message: "You are not authorized to perform this operation")
    /// More than the per-minute request allowance of the organization.
    static let perMinuteLimit = ZohoAPIError(
        status: 429, code: 44,
        message: "For security reasons your organization has been blocked as it have exceeded the maximum number "
            + "of requests per minute that can originate from an organization.")
    /// Too many requests of the organization in flight.
    static let concurrencyLimit = ZohoAPIError(
        status: 429, code: 1070,
        message: "You have reached the maximum number of in process requests allowed. Kindly try again after some time.")
    /// A server error (`status` 500, 502, 503 or 504).
    static func internalError(status: Int = 500) -> ZohoAPIError {
        ZohoAPIError(status: status, code: 1000, message: "Internal error")
    }
    /// The daily quota of the organization is used up; the message names the quota.
    static func dailyLimit(_ limit: Int) -> ZohoAPIError {
        ZohoAPIError(
            status: 429, code: 45,
            message: "The API call for this organization has exceeded the maximum call rate limit of \(limit).")
    }
    /// `organization_id` names an organization the user does not belong to.
    static func wrongOrganization(_ id: String) -> ZohoAPIError {
        ZohoAPIError(status: 400, code: 6041, message: "This user is not associated with the CompanyID/CompanyName:\(id).")
    }
    /// An invalid or missing parameter (code 2, documented for `filter_by`; used for every parameter [ASSUME]).
    static func invalidValue(_ name: String) -> ZohoAPIError {
        ZohoAPIError(status: 400, code: 2, message: "Invalid value passed for \(name)")
    }
    /// The body is not a JSON object (e.g. form-encoded).
    static let malformedJSON = ZohoAPIError(status: 400, code: 1038, message: "JSON is not well formed")
    /// Duplicate `contact_name` (HTTP status [ASSUME]).
    static let contactExists = ZohoAPIError(
        status: 400, code: 3062, message: "The contact already exists.Please specify a different name")
    /// Duplicate `invoice_number` (HTTP status [ASSUME]).
    static let invoiceNumberExists = ZohoAPIError(status: 400, code: 1001, message: "Invoice Number already exist")
    /// `amount_applied` above the invoice balance (HTTP status [ASSUME]).
    static let amountAboveBalance = ZohoAPIError(
        status: 400, code: 24016, message: "The amount entered is more than the balance due for this invoice")
    /// Blank or unknown `customer_id` (HTTP status [ASSUME]).
    static let badCustomer = ZohoAPIError(
        status: 400, code: 3004,
        message: "The Customer field can neither be blank nor incorrect. Please enter a correct Customer")
    /// The invoice has no recipient: no `to_mail_ids` and no contact person with an email. [ASSUME] No source
    /// gives this error; code 2 and status 400 are a simulator choice.
    static let noRecipient = ZohoAPIError(status: 400, code: 2, message: "Invalid value passed for to_mail_ids")
    /// Unknown invoice id (status 404 [ASSUME]).
    static let invoiceNotFound = ZohoAPIError(status: 404, code: 1002, message: "Invoice does not exist.")
    /// Unknown contact id (status 404 [ASSUME]).
    static let contactNotFound = ZohoAPIError(status: 404, code: 1002, message: "Contact does not exist.")
    /// Unknown payment id (code and status [ASSUME], by analogy with invoices).
    static let paymentNotFound = ZohoAPIError(status: 404, code: 1002, message: "Payment does not exist.")
    /// A path the API does not have (message from Weble/ZohoBooksApi #27; code 5 [ASSUME]).
    static let invalidURL = ZohoAPIError(status: 404, code: 5, message: "Invalid URL Passed")

    /// The error body.
    var body: ZohoJSON {
        .object(ZohoJSONObject([("code", .int(code)), ("message", .string(message))]))
    }
}
