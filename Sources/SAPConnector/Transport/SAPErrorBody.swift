import Foundation

/// An SAP Gateway OData V2 error body:
/// `{"error":{"code":"V1/331","message":{"lang":"en","value":"…"},"innererror":{"errordetails":[{"code","message",
/// "propertyref","severity","target"}]}}}`. Source: `reference/sap.md` §6 and the sample
/// `error-gateway-400-business-exception.json`.
struct SAPErrorBody: Decodable {
    var error: Content

    struct Content: Decodable {
        var code: String?
        var message: Message?
        var innererror: InnerError?
    }

    /// `message` is `{"lang","value"}` in V2; a plain string is accepted too.
    struct Message: Decodable {
        var value: String?
        enum CodingKeys: String, CodingKey { case value }
        init(from decoder: any Decoder) throws {
            if let text = try? decoder.singleValueContainer().decode(String.self) {
                value = text
            } else {
                value = try decoder.container(keyedBy: CodingKeys.self).decodeIfPresent(String.self, forKey: .value)
            }
        }
    }

    struct InnerError: Decodable {
        var errordetails: [Detail]?
    }

    struct Detail: Decodable {
        var code: String?
        var message: String?
        var propertyref: String?
        var target: String?
    }
}

/// The `sap-message` response header: `{"code","message","target","severity","details":[…]}` (success, info,
/// warning or error messages of a request). Source: `reference/sap.md` §6 and
/// `so-simulation-POST-201-response-headers.json`.
struct SAPMessageHeader: Decodable {
    var code: String?
    var message: String?
    var details: [SAPMessageHeader]?

    /// Decodes the header value; `nil` when absent or not JSON.
    static func parse(_ value: String?) -> SAPMessageHeader? {
        guard let value, let data = value.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode(SAPMessageHeader.self, from: data)
    }

    /// All messages, top first, as `CODE: text`, without repeats.
    var lines: [String] {
        var seen: [String] = []
        for entry in [self] + (details ?? []) {
            guard let text = entry.message, !text.isEmpty else { continue }
            let line = entry.code.map { "\($0): \(text)" } ?? text
            if !seen.contains(line) { seen.append(line) }
        }
        return seen
    }
}

/// An SAP API Management (Apigee) fault: `{"fault":{"faultstring":"…","detail":{"errorcode":"policies.ratelimit.…"}}}`.
struct APIManagementFault: Decodable {
    var fault: Content

    struct Content: Decodable {
        var faultstring: String?
        var detail: Detail?
    }

    struct Detail: Decodable {
        var errorcode: String?
    }

    /// Whether the fault is a Spike Arrest or Quota violation (`policies.ratelimit.*`).
    var isRateLimit: Bool {
        fault.detail?.errorcode?.hasPrefix("policies.ratelimit.") ?? false
    }
}
