import AsyncHTTPClient
import NIOCore
import NIOSSL
import SyncCore

/// Creates the shared `HTTPClient` for a transport configuration: certificate verification always on (system roots
/// plus `trustedCAFile` when set), connect and read timeouts, redirects not followed (a redirect must not carry
/// credentials to another host), and connection failures reported at once instead of retried inside the pool (the
/// transport's ``RetryPolicy`` decides). The caller shuts the client down (`try await client.shutdown()`).
/// - Throws: `SyncError` `.configuration` when `trustedCAFile` cannot be read as PEM certificates.
public func makeHTTPClient(configuration: HTTPTransport.Configuration) throws -> HTTPClient {
    var tls = TLSConfiguration.makeClientConfiguration()
    tls.certificateVerification = .fullVerification
    if let path = configuration.trustedCAFile {
        do {
            _ = try NIOSSLCertificate.fromPEMFile(path)
        } catch {
            throw SyncError(
                code: .configuration, system: .configuration,
                message: "The trusted CA file cannot be read as PEM certificates; check trustedCAFile.",
                underlying: String(describing: type(of: error)))
        }
        tls.additionalTrustRoots = [.file(path)]
    }
    var pool = HTTPClient.Configuration.ConnectionPool()
    pool.retryConnectionEstablishment = false
    let clientConfiguration = HTTPClient.Configuration(
        tlsConfiguration: tls,
        redirectConfiguration: .disallow,
        timeout: .init(
            connect: .nanoseconds(configuration.connectTimeout.nanoseconds),
            read: .nanoseconds(configuration.readTimeout.nanoseconds)),
        connectionPool: pool,
        proxy: nil,
        decompression: .disabled)
    return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: clientConfiguration)
}
