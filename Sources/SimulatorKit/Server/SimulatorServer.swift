import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// Seconds a graceful shutdown may take before the server is cancelled.
private let shutdownGraceSeconds: Double = 2

/// Runs `router` on 127.0.0.1:`port` (0 = any free port) for the duration of `body`, then shuts it down.
/// `body` receives the base URL ("http://127.0.0.1:54321" or "https://...").
///
/// The server runs as a child task of a task group; when `body` returns or throws, the server is shut down
/// gracefully (no new connections, idle keep-alive connections closed, requests in flight finished), cancelled
/// after `shutdownGraceSeconds` (2 s) if a request is still running, and awaited before this function returns, so
/// nothing outlives the call. With `tls`, it serves HTTPS only.
/// - Throws: the error of `body`; `SimulatorServerError.didNotStart` when the server stopped before listening
///   (e.g. the port is taken), with the server's error when it had one; NIOSSL errors for bad PEM in `tls`.
public func withSimulatorServer<Context: RequestContext, R: Sendable>(
    router: Router<Context>, port: Int = 0, tls: SimulatorTLS? = nil, logger: Logger,
    _ body: @Sendable (String) async throws -> R
) async throws -> R where Context.Source == ApplicationRequestContextSource {
    let server: HTTPServerBuilder = try tls.map { try .tls(tlsConfiguration: $0.serverConfiguration()) } ?? .http1()
    let scheme = tls == nil ? "http" : "https"
    let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
    let app = Application(
        router: router, server: server,
        configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: port), serverName: nil),
        onServerRunning: { channel in
            portContinuation.yield(channel.localAddress?.port ?? port)
            portContinuation.finish()
        },
        logger: logger
    )
    let serviceGroup = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self) { group in
        group.addTask {
            defer { portContinuation.finish() }
            try await serviceGroup.run()
        }
        var iterator = ports.makeAsyncIterator()
        guard let boundPort = await iterator.next() else {
            do {
                try await group.next()
            } catch {
                throw SimulatorServerError.didNotStart(underlying: String(describing: error))
            }
            throw SimulatorServerError.didNotStart(underlying: nil)
        }
        let outcome: Result<R, any Error>
        do {
            outcome = .success(try await body("\(scheme)://127.0.0.1:\(boundPort)"))
        } catch {
            outcome = .failure(error)
        }
        await serviceGroup.triggerGracefulShutdown()
        group.addTask { try await Task.sleep(for: .seconds(shutdownGraceSeconds)) }
        _ = try? await group.next()
        group.cancelAll()
        return try outcome.get()
    }
}

/// Why `withSimulatorServer` could not serve.
public enum SimulatorServerError: Error, Hashable, Sendable {
    /// The server stopped before it listened; `underlying` describes its error, if any.
    case didNotStart(underlying: String?)
}

extension SimulatorTLS {
    /// The NIOSSL server configuration for this certificate chain and key.
    func serverConfiguration() throws -> TLSConfiguration {
        let chain = try NIOSSLCertificate.fromPEMBytes(Array(certificateChainPEM.utf8)).map {
            NIOSSLCertificateSource.certificate($0)
        }
        let key = try NIOSSLPrivateKey(bytes: Array(privateKeyPEM.utf8), format: .pem)
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(key))
    }
}
