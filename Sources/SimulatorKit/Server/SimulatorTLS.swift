/// TLS settings for serving HTTPS (certificate chain + key PEM).
public struct SimulatorTLS: Sendable {
    /// The server certificate followed by any intermediates, PEM.
    public var certificateChainPEM: String
    /// The server's private key, PEM (PKCS#8 or SEC1/PKCS#1).
    public var privateKeyPEM: String

    /// Creates TLS settings from PEM text.
    public init(certificateChainPEM: String, privateKeyPEM: String) {
        self.certificateChainPEM = certificateChainPEM
        self.privateKeyPEM = privateKeyPEM
    }
}
