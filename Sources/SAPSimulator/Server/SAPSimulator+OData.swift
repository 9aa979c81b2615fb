import Foundation
import HTTPTypes
import Hummingbird

extension SAPSimulator {
    static let servicePrefix = "/sap/opu/odata/sap/"
    static let maxBodyBytes = 8 * 1024 * 1024

    /// Answers any request under `/sap/opu/odata/sap/`: service lookup, authentication, CSRF, then dispatch.
    func handleOData(_ request: Request) async -> Response {
        let decoded = PercentDecoding.decode(request.uri.path)
        let remainder = decoded.dropFirst(Self.servicePrefix.count)
        let parts = remainder.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let serviceName = String(parts.first?.split(separator: ";").first ?? "")
        guard let service = catalog.service(named: serviceName) else {
            let error = SAPError(status: .notFound, code: "/IWFND/MED/170",
                                 message: "No service found for namespace '/SAP/', name '\(serviceName)', version '0001'")
            return errorResponse(error, service: serviceName)
        }
        guard let principal = authenticate(request) else {
            return ODataResponse.unauthorized(
                bearer: request.headers[.authorization]?.lowercased().hasPrefix("bearer") ?? false,
                systemID: configuration.systemID, client: configuration.client)
        }
        let body = (try? await request.body.collect(upTo: Self.maxBodyBytes)).map { Data(buffer: $0) } ?? Data()
        let options: QueryOptions
        do throws(QueryOptionError) {
            options = try QueryOptions.parse(rawQuery: request.uri.query)
        } catch {
            return errorResponse(.badRequest(error.message), service: service.name)
        }
        let call = ODataCall(
            service: service, serviceRoot: ODataCall.serviceRoot(for: request, service: service.name, usesTLS: configuration.usesTLS),
            resource: parts.count > 1 ? String(parts[1]) : "", options: options, method: request.method,
            headers: request.headers, body: body)
        var extraHeaders = HTTPFields()
        if call.isModifying {
            guard validateCSRF(request) else { return ODataResponse.csrfRequired() }
        } else if request.headers[ODataResponse.csrfHeader]?.lowercased() == "fetch" {
            extraHeaders = issueCSRFToken(request, principal: principal)
        }
        var response: Response
        do throws(SAPError) {
            response = try dispatch(call)
        } catch {
            response = errorResponse(error, service: service.name)
        }
        for field in extraHeaders { response.headers.append(field) }
        if request.method == .head { response.body = ResponseBody() }
        return response
    }

    /// Renders an `SAPError` with a fresh transaction id.
    func errorResponse(_ error: SAPError, service: String) -> Response {
        let transactionID = state.withLock { $0.nextHex(32) }
        return error.response(service: service, transactionID: transactionID, now: clock.now())
    }

    private func dispatch(_ call: ODataCall) throws(SAPError) -> Response {
        if call.resource.isEmpty || call.resource == "/" {
            guard !call.isModifying else { throw methodNotAllowed(call) }
            let names = call.service.entitySets.keys.sorted().map { JSONValue.string($0) }
            return ODataResponse.json(.object([("d", .object([("EntitySets", .array(names))]))]))
        }
        if call.resource == "$metadata" {
            guard !call.isModifying else { throw methodNotAllowed(call) }
            return ODataResponse.raw(call.service.metadataXML, contentType: "application/xml",
                                     headers: [ODataResponse.dataServiceVersion: "2.0"])
        }
        if call.resource.hasPrefix("$batch") {
            throw SAPError(status: .notImplemented, code: "/IWFND/CM_MGW/004",
                           message: "$batch is not supported by this simulator")
        }
        try requireJSON(call)
        guard let path = ResourcePath.parse(call.resource), let first = path.segments.first else {
            throw SAPError.badRequest("Invalid URI: \(call.resource)")
        }
        guard let set = call.service.entitySets[first.name] else {
            throw SAPError.resourceNotFound(segment: first.name)
        }
        switch call.method {
        case .get, .head:
            return try read(call, path: path, set: set)
        case .post:
            guard path.segments.count == 1, first.keyPredicate == nil else { throw methodNotAllowed(call) }
            return try create(call, set: set)
        case .put, .patch, HTTPRequest.Method("MERGE")!:
            guard path.segments.count == 1, first.keyPredicate != nil else { throw methodNotAllowed(call) }
            return try update(call, set: set, segment: first)
        case .delete:
            guard path.segments.count == 1, first.keyPredicate != nil else { throw methodNotAllowed(call) }
            return try delete(call, set: set, segment: first)
        default:
            throw methodNotAllowed(call)
        }
    }

    func methodNotAllowed(_ call: ODataCall) -> SAPError {
        SAPError(status: .methodNotAllowed, code: "/IWBEP/CM_MGW_RT/021",
                 message: "Method '\(call.method.rawValue)' not allowed for resource '\(call.resource)'")
    }

    /// JSON only: `$format=json`, `Accept: application/json`, or no preference; Atom/XML requests get 406.
    private func requireJSON(_ call: ODataCall) throws(SAPError) {
        if let format = call.options.format {
            if format == "json" { return }
            throw SAPError(status: .notAcceptable, code: "/IWBEP/CM_MGW_RT/055",
                           message: "Format '\(format)' is not supported by this simulator; use $format=json")
        }
        guard let accept = call.headers[.accept]?.lowercased(), !accept.isEmpty else { return }
        if accept.contains("json") || accept.contains("*/*") { return }
        if call.isModifying { return }
        throw SAPError(status: .notAcceptable, code: "/IWBEP/CM_MGW_RT/055",
                       message: "Media type '\(accept)' is not supported by this simulator; use application/json")
    }
}
