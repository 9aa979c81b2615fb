import Foundation
import Logging
import Synchronization
import Testing
import SimulatorKit
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct SimulatorServerTests {
    struct BodyFailure: Error {}
    let client = HTTPTestClient()

    @Test func servesOnAnEphemeralLoopbackPortAndStopsAfterTheBody() async throws {
        let baseURL = try await TestApp().run { baseURL in
            #expect(baseURL.hasPrefix("http://127.0.0.1:"))
            #expect(Int(baseURL.split(separator: ":").last ?? "") ?? 0 > 0)
            let reply = try await client.send("GET", baseURL + "/items")
            #expect(reply.status == 200)
            return baseURL
        }
        await #expect(throws: URLError.self) { try await client.send("GET", baseURL + "/items") }
    }

    @Test func theErrorOfTheBodyPropagatesAndTheServerStops() async throws {
        let box = BaseURLBox()
        await #expect(throws: BodyFailure.self) {
            try await TestApp().run { baseURL in
                box.set(baseURL)
                throw BodyFailure()
            }
        }
        let baseURL = try #require(box.value)
        await #expect(throws: URLError.self) { try await client.send("GET", baseURL + "/items") }
    }

    @Test func aTakenPortIsReportedAsDidNotStart() async throws {
        try await TestApp().run { baseURL in
            let port = Int(baseURL.split(separator: ":").last!)!
            await #expect(throws: SimulatorServerError.self) {
                try await withSimulatorServer(router: TestApp().buildRouter(), port: port, logger: Logger(label: "test")) { _ in }
            }
        }
    }

    @Test func servesHTTPSWithACertificateFromTheAuthority() async throws {
        let authority = try CertificateAuthority()
        let tls = try authority.issueServerCertificate()
        try await withSimulatorServer(router: TestApp().buildRouter(), tls: tls, logger: Logger(label: "test")) { baseURL in
            #expect(baseURL.hasPrefix("https://127.0.0.1:"))
        }
    }
}

/// Carries the base URL out of a throwing body.
final class BaseURLBox: Sendable {
    private let stored = Mutex<String?>(nil)
    var value: String? { stored.withLock { $0 } }
    func set(_ value: String) { stored.withLock { $0 = value } }
}
