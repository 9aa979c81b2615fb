import Foundation
import NIOCore
import NIOPosix
import SyncCore
import SyncHTTP
import Testing

/// Timeouts and connection failures, against a scripted server (real time, milliseconds) or a closed port.
@Suite("Transport failures")
struct TransportFailureTests {
    @Test("a GET slower than the read timeout is retried per the table")
    func getReadTimeout() async throws {
        let harness = TransportHarness(configuration: TransportHarness.shortReadTimeout)
        let script = ReplyScript([.slow(.milliseconds(2500)), .slow(.milliseconds(2500)), .respond(200, body: "{}")])
        let response = try await harness.run(script) { transport, base in
            try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/slow", endpoint: "slow"))
        }
        #expect(response.status == 200)
        #expect(script.received.count == 3)
        #expect(harness.sleeper.sleeps == [.seconds(2), .seconds(4)])
    }

    @Test("a POST that times out after sending is not retried and reports an unknown outcome")
    func postTimeout() async throws {
        let harness = TransportHarness(configuration: TransportHarness.shortReadTimeout)
        let script = ReplyScript([.slow(.milliseconds(2500)), .respond(201, body: "{}")])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(
                    HTTPRequestSpec(method: .POST, url: base + "/invoices", body: Data("{}".utf8), endpoint: "invoices.create"))
            }
        }
        #expect(error?.code == .timeout)
        #expect(error?.outcomeUnknown == true)
        #expect(script.received.count == 1)
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("the overall deadline bounds an attempt even when data keeps arriving")
    func deadline() async throws {
        var configuration = TransportHarness.fastConfiguration
        configuration.readTimeout = .seconds(2)
        configuration.requestDeadline = .milliseconds(200)
        configuration.retryPolicy.maxAttempts = 1
        let harness = TransportHarness(configuration: configuration)
        let script = ReplyScript([.slow(.milliseconds(800))])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/slow", endpoint: "slow"))
            }
        }
        #expect(error?.code == .timeout)
    }

    @Test("a connection closed mid-response: GET retried, POST reports an unknown outcome")
    func droppedConnection() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.dropConnection, .respond(200, body: "{}"), .dropConnection, .respond(201)])
        let (status, postError) = try await harness.run(script) { transport, base in
            let status = try await transport.execute(HTTPRequestSpec(method: .GET, url: base + "/r", endpoint: "r")).status
            do {
                _ = try await transport.execute(HTTPRequestSpec(method: .POST, url: base + "/c", endpoint: "c.create"))
                return (status, SyncError?.none)
            } catch let error as SyncError {
                return (status, error)
            }
        }
        #expect(status == 200)
        #expect(postError?.code == .connectionFailed)
        #expect(postError?.outcomeUnknown == true)
        #expect(script.received.count == 3)
    }

    @Test("a refused connection proves nothing was sent: even a POST is retried, outcome known")
    func connectionRefused() async throws {
        // Port 1 (tcpmux) has no listener on these machines; a port freed by an earlier bind could be taken by
        // another test's server in the meantime.
        let port = 1
        let harness = TransportHarness()
        let error = await #expect(throws: SyncError.self) {
            try await harness.withTransport { transport in
                try await transport.execute(
                    HTTPRequestSpec(method: .POST, url: "http://127.0.0.1:\(port)/c", endpoint: "c.create"))
            }
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.outcomeUnknown == false)
        #expect(harness.sleeper.sleeps == [.seconds(2), .seconds(4)])
        #expect(harness.vendor.counts.authorize == 3)
    }

    @Test("an https URL to a plain-HTTP server fails the TLS handshake as connectionFailed, not retried")
    func tlsFailure() async throws {
        let harness = TransportHarness()
        let script = ReplyScript([.respond(200)])
        let error = await #expect(throws: SyncError.self) {
            try await harness.run(script) { transport, base in
                try await transport.execute(
                    HTTPRequestSpec(method: .GET, url: base.replacingOccurrences(of: "http:", with: "https:") + "/r", endpoint: "r"))
            }
        }
        #expect(error?.code == .connectionFailed)
        #expect(error?.message.contains("TLS") == true)
        #expect(harness.sleeper.sleeps.isEmpty)
    }

    @Test("an unreadable trusted CA file is a configuration error")
    func badCAFile() {
        var configuration = HTTPTransport.Configuration()
        configuration.trustedCAFile = "/nonexistent/ca.pem"
        #expect(throws: SyncError.self) { _ = try makeHTTPClient(configuration: configuration) }
    }
}
