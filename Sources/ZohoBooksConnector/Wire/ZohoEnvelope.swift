import Foundation
import SyncCore

/// The `{"code": n, "message": "…"}` part every Zoho Books response carries; `code` 0 means success
/// (Books API "Response" and "Errors" pages). Error bodies are this object alone.
struct ZohoStatus: Decodable, Sendable, Hashable {
    /// `code`; `nil` when absent or null (Zoho's "Invalid URL Passed" answer has no code).
    var code: Int?
    /// `message`, verbatim.
    var message: String?

    init(code: Int?, message: String?) {
        self.code = code
        self.message = message
    }

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        code = try c.zohoInt(ZohoKey("code"))
        message = try c.zohoText(ZohoKey("message"))
    }
}

/// A success envelope holding one resource under a key that depends on the call (`contact`, `invoices`,
/// `customerpayments`, …), given through `ZohoJSON.decode(_:from:resourceKey:)`.
struct ZohoEnvelope<Resource: Decodable>: Decodable {
    var status: ZohoStatus
    var resource: Resource

    init(from decoder: any Decoder) throws {
        status = try ZohoStatus(from: decoder)
        guard let key = decoder.userInfo[ZohoJSON.resourceKey] as? String else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "no resource key given"))
        }
        resource = try decoder.container(keyedBy: ZohoKey.self).decode(Resource.self, forKey: ZohoKey(key))
    }
}

/// `page_context` of a list response.
struct ZohoPageContext: Decodable, Sendable, Hashable {
    var page: Int?
    var perPage: Int?
    var hasMorePage: Bool

    init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: ZohoKey.self)
        page = try c.zohoInt(ZohoKey("page"))
        perPage = try c.zohoInt(ZohoKey("per_page"))
        hasMorePage = try c.zohoBool(ZohoKey("has_more_page")) ?? false
    }
}

/// Decoding of Zoho Books bodies into wire records, with failures turned into `SyncError.malformedResponse`.
enum ZohoJSON {
    static let resourceKey = CodingUserInfoKey(rawValue: "zoho.resourceKey")!

    /// Decodes the resource under `resourceKey` of a success envelope.
    /// - Throws: `SyncError.malformedResponse` when the body is not the documented JSON.
    static func decode<Resource: Decodable>(
        _ type: Resource.Type, from data: Data, resourceKey key: String
    ) throws -> Resource {
        let decoder = JSONDecoder()
        decoder.userInfo[resourceKey] = key
        do {
            return try decoder.decode(ZohoEnvelope<Resource>.self, from: data).resource
        } catch {
            throw malformed(key, error)
        }
    }

    /// Decodes one list page: the rows under `resourceKey` and `page_context.has_more_page`.
    /// - Throws: `SyncError.malformedResponse`.
    static func decodePage<Row: Decodable>(
        _ type: Row.Type, from data: Data, resourceKey key: String
    ) throws -> (rows: [Row], hasMorePage: Bool) {
        let decoder = JSONDecoder()
        decoder.userInfo[resourceKey] = key
        do {
            let rows = try decoder.decode(ZohoEnvelope<[Row]>.self, from: data).resource
            decoder.userInfo[resourceKey] = "page_context"
            let context = try? decoder.decode(ZohoEnvelope<ZohoPageContext>.self, from: data).resource
            return (rows, context?.hasMorePage ?? false)
        } catch {
            throw malformed(key, error)
        }
    }

    private static func malformed(_ what: String, _ error: any Error) -> SyncError {
        SyncError(
            code: .malformedResponse, system: .zohoBooks,
            message: "Zoho Books sent a response that is not the documented JSON (\(what))",
            underlying: describe(error))
    }

    /// The decoding failure's place and reason (never the payload).
    private static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return String(describing: type(of: error)) }
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return "DecodingError"
        }
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return "DecodingError at \(path.isEmpty ? "<root>" : path): \(context.debugDescription)"
    }
}
