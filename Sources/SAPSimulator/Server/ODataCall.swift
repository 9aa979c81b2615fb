import Foundation
import Hummingbird

/// One OData request after routing: the service, the resource path, the query options and the body.
struct ODataCall: Sendable {
    let service: ServiceModel
    /// Absolute service root without trailing slash, built from the `Host` header.
    let serviceRoot: String
    /// Percent-decoded path after the service root (`A_SalesOrder('1')/to_Item`).
    let resource: String
    let options: QueryOptions
    let method: HTTPRequest.Method
    let headers: HTTPFields
    let body: Data

    /// True for POST/PUT/PATCH/MERGE/DELETE (the CSRF-protected methods).
    var isModifying: Bool { ![.get, .head, .options].contains(method) }

    /// The absolute service root for `request` (`http(s)://<Host>/sap/opu/odata/sap/<SERVICE>`).
    static func serviceRoot(for request: Request, service: String, usesTLS: Bool) -> String {
        let host = request.head.authority ?? "localhost"
        return "\(usesTLS ? "https" : "http")://\(host)/sap/opu/odata/sap/\(service)"
    }

    /// The JSON body as an object.
    /// - Throws: `SAPError` 400 when the body is not a JSON object.
    func jsonObject() throws(SAPError) -> [String: Any] {
        guard let object = try? JSONSerialization.jsonObject(with: body) as? [String: Any] else {
            throw SAPError.badRequest("The Data Services Request could not be understood due to malformed syntax")
        }
        return object
    }
}
