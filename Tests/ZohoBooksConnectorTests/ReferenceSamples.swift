import Foundation
import NIOHTTP1
import SyncHTTP
@testable import ZohoBooksConnector

/// Reads the recorded Zoho samples in `shared/reference/zoho/samples` (beside the repository).
enum ReferenceSamples {
    /// `shared/reference/zoho/samples`, found from this file: the repo's `Tests/<target>/` is three levels below
    /// the directory that holds `shared/`.
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("../../../shared/reference/zoho/samples")
        .standardizedFileURL

    /// The raw bytes of one sample file, e.g. `"invoices/list-invoices.200.json"`.
    static func data(_ name: String) throws -> Data {
        try Data(contentsOf: directory.appendingPathComponent(name))
    }

    /// Every sample file name relative to the samples directory, sorted.
    static func allNames() throws -> [String] {
        let folders = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try folders.flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent(folder).path)
                .map { "\(folder)/\($0)" }
        }.sorted()
    }

    /// The resource under `key` of the sample's recorded response body, decoded by the connector's wire types
    /// straight from the file's text (numbers are never re-serialized).
    static func resource<T: Decodable>(_ type: T.Type, _ name: String, key: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.userInfo[ZohoJSON.resourceKey] = key
        return try decoder.decode(SampleFile<ZohoEnvelope<T>>.self, from: data(name)).response.body.resource
    }

    /// The envelope status (`code`, `message`) of the sample's response body.
    static func status(_ name: String) throws -> ZohoStatus {
        try JSONDecoder().decode(SampleFile<ZohoStatus>.self, from: data(name)).response.body
    }

    /// The sample's recorded response as the transport would hand it over (body re-serialized from the file;
    /// only used for bodies without amounts: errors and tokens).
    static func response(_ name: String) throws -> HTTPResponseData {
        let object = try JSONSerialization.jsonObject(with: data(name)) as! [String: Any]
        let response = object["response"] as! [String: Any]
        return httpResponse(status: response["status"] as! Int, headers: response["headers"] as? [String: String] ?? [:], body: response["body"]!)
    }

    /// A response with the given status, headers and JSON body object.
    static func httpResponse(status: Int, headers: [String: String] = [:], body: Any) -> HTTPResponseData {
        var httpHeaders = HTTPHeaders()
        for (name, value) in headers { httpHeaders.add(name: name, value: value) }
        let data = try! JSONSerialization.data(withJSONObject: body, options: [.sortedKeys])
        return HTTPResponseData(status: status, headers: httpHeaders, body: data)
    }
}

/// The wrapper of every recorded sample: `{"request": …, "response": {"status", "headers", "body"}}`.
struct SampleFile<Body: Decodable>: Decodable {
    struct Response: Decodable {
        var status: Int?
        var headers: [String: String]?
        var body: Body
    }

    var response: Response
}

/// An instant from an ISO 8601 UTC text, the independent way (Foundation's ISO8601DateFormatter).
func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

/// A decimal from its exact text.
func dec(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}

/// Requests to classify responses against.
enum ZohoTestRequests {
    /// A read (idempotent).
    static let get = HTTPRequestSpec(method: .GET, url: "https://www.zohoapis.com/books/v3/invoices", endpoint: "invoices.get")
    /// A create (not idempotent).
    static let post = HTTPRequestSpec(
        method: .POST, url: "https://www.zohoapis.com/books/v3/invoices", body: Data("{}".utf8),
        endpoint: "invoices.create")
}
