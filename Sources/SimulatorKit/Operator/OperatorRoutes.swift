import Foundation
import Hummingbird

/// Adds `GET/PUT /_operator/faults` (FaultPlan JSON), `GET /_operator/requests` (countsByEndpoint JSON),
/// `DELETE /_operator/requests` (reset). Vendor operator routes also live under `/_operator/...`.
///
/// `PUT /_operator/faults` answers the plan now in force (200), or 400 with `{"error": ...}` when the body is not a
/// `FaultPlan`; `DELETE /_operator/requests` answers 204.
public func addOperatorRoutes<Context: RequestContext>(to router: Router<Context>, faults: FaultInjector, log: RequestLog) {
    router.get("/_operator/faults") { _, _ in
        try OperatorJSON.response(faults.plan)
    }
    router.put("/_operator/faults") { request, _ in
        let body = try await request.body.collect(upTo: OperatorJSON.maxBodyBytes)
        let plan: FaultPlan
        do {
            plan = try JSONDecoder().decode(FaultPlan.self, from: Data(buffer: body))
        } catch {
            return try OperatorJSON.response(["error": "body is not a fault plan: \(error)"], status: .badRequest)
        }
        faults.setPlan(plan)
        return try OperatorJSON.response(faults.plan)
    }
    router.get("/_operator/requests") { _, _ in
        try OperatorJSON.response(log.countsByEndpoint())
    }
    router.delete("/_operator/requests") { _, _ in
        log.reset()
        return Response(status: .noContent)
    }
}

/// JSON helpers for operator routes (sorted keys, so answers are stable).
public enum OperatorJSON {
    /// The largest operator request body accepted, in bytes.
    public static let maxBodyBytes = 4 * 1024 * 1024

    /// A response with `value` encoded as JSON (`application/json`, keys sorted).
    /// - Throws: `EncodingError` when `value` cannot be encoded.
    public static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(value)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
