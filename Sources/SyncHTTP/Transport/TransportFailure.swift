import AsyncHTTPClient
import Foundation
import NIOCore
import NIOSSL
import SyncCore

/// A failure without a usable response, mapped to `SyncError` with what the transport needs to decide on a retry.
struct TransportFailure: Error {
    /// The error for the caller.
    var error: SyncError
    /// True when the request may have reached the server (so a non-idempotent request may have been carried out).
    var maybeSent: Bool
    /// False when repeating cannot help (TLS trust, invalid URL, oversized body).
    var worthRetrying: Bool

    /// Maps an AsyncHTTPClient / SwiftNIO error; `CancellationError` is not mapped (the caller rethrows it).
    static func map(
        _ error: any Error, system: SyncSystem, configuration: HTTPTransport.Configuration
    ) -> TransportFailure {
        let underlying = String(describing: type(of: error))
        func failure(_ code: SyncError.Code, _ message: String, maybeSent: Bool, worthRetrying: Bool = true)
            -> TransportFailure
        {
            TransportFailure(
                error: SyncError(code: code, system: system, message: message, underlying: underlying),
                maybeSent: maybeSent, worthRetrying: worthRetrying)
        }
        if let clientError = error as? HTTPClientError {
            switch clientError {
            case .connectTimeout, .getConnectionFromPoolTimeout:
                return failure(
                    .timeout, "Connecting to the server timed out after \(configuration.connectTimeout).",
                    maybeSent: false)
            case .readTimeout:
                return failure(
                    .timeout, "The server sent nothing for \(configuration.readTimeout) (read timeout).",
                    maybeSent: true)
            case .deadlineExceeded:
                return failure(
                    .timeout, "The request did not complete within \(configuration.requestDeadline).",
                    maybeSent: true)
            case .remoteConnectionClosed:
                return failure(.connectionFailed, "The server closed the connection before answering.", maybeSent: true)
            case .invalidURL, .emptyHost, .emptyScheme, .missingSocketPath:
                return failure(
                    .malformedRequest, "The request URL is not a valid http(s) URL.", maybeSent: false,
                    worthRetrying: false)
            default:
                return failure(
                    .connectionFailed, "The HTTP exchange failed (\(clientError.shortDescription)).", maybeSent: true)
            }
        }
        if error is NIOSSLError || error is NIOSSLExtraError || error is BoringSSLError {
            return failure(
                .connectionFailed,
                "The TLS handshake failed: the server certificate is not trusted or does not match the host. "
                    + "Trust the server's CA with trustedCAFile; verification cannot be switched off.",
                maybeSent: false, worthRetrying: false)
        }
        if let ioError = error as? IOError {
            let refused = ioError.errnoCode == ECONNREFUSED
            return failure(
                .connectionFailed,
                refused ? "The server refused the connection." : "The connection failed (errno \(ioError.errnoCode)).",
                maybeSent: !refused)
        }
        if let channelError = error as? ChannelError, case .connectTimeout = channelError {
            return failure(
                .timeout, "Connecting to the server timed out after \(configuration.connectTimeout).", maybeSent: false)
        }
        if underlying == "NIOConnectionError" {
            // NIOPosix's happy-eyeballs connect failure (refused, unreachable): nothing was sent.
            return failure(.connectionFailed, "Could not connect to the server (connection refused).", maybeSent: false)
        }
        return failure(.connectionFailed, "The HTTP exchange failed.", maybeSent: true)
    }
}

extension HTTPClientError {
    /// The error's code name without any request data.
    fileprivate var shortDescription: String {
        String(describing: self).replacingOccurrences(of: "HTTPClientError.", with: "")
    }
}
