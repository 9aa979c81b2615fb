import Crypto
import Foundation
import X509
import _CryptoExtras

/// An RSA 2048 key pair with a self-signed certificate, as a Salesforce connected app uses for the OAuth 2.0
/// JWT bearer flow: the certificate is uploaded to the connected app (here: given to the Salesforce simulator's
/// configuration), the private key signs the RS256 assertion (here: written to `SF_PRIVATE_KEY_PATH`).
public struct RSASigningIdentity: Sendable {
    /// The self-signed certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    public let certificatePEM: String
    /// The private key, PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`). A secret: never log it.
    public let privateKeyPEM: String

    /// Generates a new 2048-bit key and a SHA-256/RSA self-signed certificate for `commonName`, valid from one
    /// hour before `now` for `validityDays` days.
    /// - Throws: `_CryptoExtras` errors from key generation; X509 errors from building the certificate.
    public init(commonName: String = "CRMSync Sandbox JWT", now: Date = Date(), validityDays: Int = 365) throws {
        let key = try _RSA.Signing.PrivateKey(keySize: .bits2048)
        let name = try DistinguishedName {
            OrganizationName("CRMSync Sandbox")
            CommonName(commonName)
        }
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: Certificate.PublicKey(key.publicKey), notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(Double(validityDays) * 86_400), issuer: name, subject: name,
            signatureAlgorithm: .sha256WithRSAEncryption,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        certificatePEM = try certificate.serializeAsPEM().pemString
        privateKeyPEM = key.pkcs8PEMRepresentation
    }
}
