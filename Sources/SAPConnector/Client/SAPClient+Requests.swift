import Foundation
import NIOHTTP1
import SyncCore
import SyncHTTP

extension SAPClient {
    /// The absolute URL of `resource` (`A_SalesOrder`, `A_SalesOrder('4000043')`) in `service`, with the query
    /// and `sap-client`.
    func url(_ service: SAPService, _ resource: String, query: ODataQuery = ODataQuery()) -> String {
        var query = query
        if let client = configuration.sapClient, !client.isEmpty { query.set("sap-client", client) }
        let base = configuration.serviceRoot(service) + "/" + resource
        return query.items.isEmpty ? base : base + "?" + query.encoded
    }

    /// GETs `url` and decodes the OData JSON answer.
    /// - Throws: `SyncError` from the transport; `.malformedResponse` when the JSON is not the expected shape.
    func get<Result: Decodable>(_ url: String, endpoint: String, as type: Result.Type) async throws -> Result {
        let response = try await transport.execute(HTTPRequestSpec(method: .GET, url: url, endpoint: endpoint))
        return try decode(type, from: response, endpoint: endpoint)
    }

    /// GETs `url`; `nil` when SAP answers 404.
    func getIfExists<Result: Decodable>(_ url: String, endpoint: String, as type: Result.Type) async throws -> Result? {
        do {
            return try await get(url, endpoint: endpoint, as: type)
        } catch let error as SyncError where error.code == .notFound {
            return nil
        }
    }

    /// POSTs `body` as JSON (a create: not repeated when the outcome is unknown) and decodes the `d` answer.
    /// `sap-message` texts of the answer are logged.
    func create<Body: Encodable, Result: Decodable>(
        _ url: String, body: Body, endpoint: String, as type: Result.Type
    ) async throws -> Result {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "application/json")
        headers.add(name: "Accept", value: "application/json")
        let request = HTTPRequestSpec(
            method: .POST, url: url, headers: headers, body: try encoder.encode(body), endpoint: endpoint,
            isIdempotent: false)
        let response = try await transport.execute(request)
        if let message = SAPMessageHeader.parse(response.headers.first(name: "sap-message")) {
            logger.info(
                "SAP returned messages with the create",
                metadata: ["endpoint": "\(endpoint)", "sap.messages": "\(message.lines.joined(separator: "; "))"])
        }
        return try decode(type, from: response, endpoint: endpoint)
    }

    /// Decodes an answer, mapping decoding failures to `.malformedResponse` (the field path, never the payload).
    func decode<Result: Decodable>(_ type: Result.Type, from response: HTTPResponseData, endpoint: String) throws
        -> Result
    {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch let error as DecodingError {
            throw SyncError(
                code: .malformedResponse, system: .sap,
                message: "SAP's answer to \(endpoint) is not the documented OData JSON (\(Self.describe(error)))",
                httpStatus: response.status, underlying: "DecodingError")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        let path: [any CodingKey]
        let what: String
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]; what = "missing"
        case .valueNotFound(_, let context): path = context.codingPath; what = "null"
        case .typeMismatch(_, let context): path = context.codingPath; what = "wrong type"
        case .dataCorrupted(let context): path = context.codingPath; what = context.debugDescription
        @unknown default: path = []; what = "unreadable"
        }
        let field = path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return field.isEmpty ? what : "\(field): \(what)"
    }
}
