import Foundation
import Hummingbird

/// An SAP Gateway error to be rendered as the V2 JSON error body (sap.md §6,
/// `samples/error-gateway-400-business-exception.json`).
struct SAPError: Error, Sendable {
    /// One backend message (`errordetails[]` entry).
    struct Detail: Sendable {
        var code: String
        var message: String
        var propertyref = ""
        var severity = "error"
        var target = ""
    }

    var status: HTTPResponse.Status
    /// `<message class>/<number>`, e.g. `V1/311`.
    var code: String
    var message: String
    /// Backend messages; the business-exception class detail is appended for 400s.
    var details: [Detail] = []

    /// 404 `/IWBEP/CM_MGW_RT/020` "Resource not found for segment '…'".
    static func resourceNotFound(segment: String) -> SAPError {
        SAPError(status: .notFound, code: "/IWBEP/CM_MGW_RT/020",
                 message: "Resource not found for segment '\(segment)'")
    }

    /// 400 for invalid URIs and query options (Gateway URI parser; code tag [U]).
    static func badRequest(_ message: String) -> SAPError {
        SAPError(status: .badRequest, code: "/IWCOR/CX_DS_EXPR_SYNTAX_ERROR/000", message: message)
    }

    /// 400 business error with the usual detail list (the message, then `/IWBEP/CX_MGW_BUSI_EXCEPTION`).
    static func business(_ code: String, _ message: String, target: String = "") -> SAPError {
        SAPError(status: .badRequest, code: code, message: message, details: [
            Detail(code: code, message: message, target: target),
            Detail(code: "/IWBEP/CX_MGW_BUSI_EXCEPTION", message: message),
        ])
    }

    /// The response for `service`, with `transactionid`/`timestamp` supplied by the simulator.
    func response(service: String, transactionID: String, now: Date) -> Response {
        let stamp = EDMFormat.isoSeconds(now).filter(\.isASCIIDigit) + ".0000000"
        let detailValues: [JSONValue] = details.map { detail in
            .object([
                ("code", .string(detail.code)), ("message", .string(detail.message)),
                ("propertyref", .string(detail.propertyref)), ("severity", .string(detail.severity)),
                ("target", .string(detail.target)),
            ])
        }
        let body: JSONValue = .object([("error", .object([
            ("code", .string(code)),
            ("message", .object([("lang", .string("en")), ("value", .string(message))])),
            ("innererror", .object([
                ("application", .object([
                    ("component_id", .string("")), ("service_namespace", .string("/SAP/")),
                    ("service_id", .string(service)), ("service_version", .string("0001")),
                ])),
                ("transactionid", .string(transactionID)),
                ("timestamp", .string(stamp)),
                ("Error_Resolution", .object([
                    ("SAP_Transaction", .string("Run transaction /IWFND/ERROR_LOG on SAP Gateway hub system (System Alias ) and search for entries with the timestamp above for more details")),
                    ("SAP_Note", .string("See SAP Note 1797736 for error analysis (https://service.sap.com/sap/support/notes/1797736)")),
                ])),
                ("errordetails", .array(detailValues)),
            ])),
        ]))])
        return ODataResponse.json(body, status: status)
    }
}
