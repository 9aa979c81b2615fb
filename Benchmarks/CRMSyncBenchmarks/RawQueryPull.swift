import AsyncHTTPClient
import Foundation
import JWTKit
import NIOCore

/// The baseline of the read-path benchmark: a bare AsyncHTTPClient loop over a Salesforce query's pages.
///
/// Logs in once with its own JWT bearer assertion (same connected app and key as CRMSync), then GETs the first
/// page and each `nextRecordsUrl` with the same headers as the client (`Authorization`, `Accept`,
/// `Sforce-Query-Options: batchSize=2000`), reading each body whole and finding the next link in its bytes — no
/// JSON decoding, no retries, no metrics.
final class RawQueryPull: Sendable {
    private let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
    private let accessToken: String
    private let instanceURL: String

    init(environment: [String: String]) async throws {
        guard let loginURL = environment["SF_LOGIN_URL"], let clientID = environment["SF_CLIENT_ID"],
              let username = environment["SF_USERNAME"], let keyPath = environment["SF_PRIVATE_KEY_PATH"]
        else { throw BenchmarkFailure("the Salesforce settings are missing") }
        let keys = await JWTKeyCollection().add(
            rsa: try Insecure.RSA.PrivateKey(pem: String(contentsOfFile: keyPath, encoding: .utf8)), digestAlgorithm: .sha256)
        let claims = AssertionClaims(
            iss: clientID, sub: username, aud: loginURL, exp: Int(Date().timeIntervalSince1970.rounded(.down)) + 180)
        let assertion = try await keys.sign(claims)
        var request = HTTPClientRequest(url: loginURL + "/services/oauth2/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: "grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=\(assertion)"))
        let response = try await httpClient.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let json = try JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any],
              let token = json["access_token"] as? String, let instance = json["instance_url"] as? String
        else { throw BenchmarkFailure("the raw pull could not log in") }
        accessToken = token
        instanceURL = instance
    }

    /// Pulls every page from `firstURL`; returns the number of pages and bytes.
    func pull(firstURL: String) async throws -> (pages: Int, bytes: Int) {
        var url: String? = firstURL
        var pages = 0
        var bytes = 0
        while let next = url {
            var request = HTTPClientRequest(url: next.hasPrefix("/") ? instanceURL + next : next)
            request.headers.add(name: "Authorization", value: "Bearer \(accessToken)")
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "Sforce-Query-Options", value: "batchSize=2000")
            let response = try await httpClient.execute(request, timeout: .seconds(120))
            guard response.status == .ok else { throw BenchmarkFailure("raw pull: HTTP \(response.status.code)") }
            let body = try await response.body.collect(upTo: 64 << 20)
            pages += 1
            bytes += body.readableBytes
            url = Self.nextRecordsURL(in: body)
        }
        return (pages, bytes)
    }

    func shutdown() {
        try? httpClient.syncShutdown()
    }

    /// The value of the top-level `"nextRecordsUrl":"..."` member (it comes before `records` in Salesforce's
    /// answers), or nil on the last page.
    private static func nextRecordsURL(in body: ByteBuffer) -> String? {
        let marker = Array(#""nextRecordsUrl":""#.utf8)
        let view = body.readableBytesView
        let limit = min(view.count, 4096)
        let head = Array(view.prefix(limit))
        guard limit >= marker.count else { return nil }
        for start in 0...(limit - marker.count) where head[start] == marker[0] && Array(head[start..<start + marker.count]) == marker {
            let valueStart = start + marker.count
            guard let end = head[valueStart...].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return String(decoding: head[valueStart..<end], as: UTF8.self).replacingOccurrences(of: "\\/", with: "/")
        }
        return nil
    }
}

/// The JWT bearer assertion's claims (Salesforce: `exp` in whole seconds, at most 3 minutes ahead).
private struct AssertionClaims: JWTPayload {
    var iss: String
    var sub: String
    var aud: String
    var exp: Int

    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
