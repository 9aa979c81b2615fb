import _CryptoExtras

/// One RSA key pair per test process (generating 2048-bit keys is slow).
enum TestKeys {
    static let privateKey: _RSA.Signing.PrivateKey = {
        // swiftlint:disable:next force_try
        try! _RSA.Signing.PrivateKey(keySize: .bits2048)
    }()

    static var privateKeyPEM: String { privateKey.pemRepresentation }
    static var publicKey: _RSA.Signing.PublicKey { privateKey.publicKey }
}
