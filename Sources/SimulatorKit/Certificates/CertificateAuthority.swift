import Crypto
import Foundation
import SwiftASN1
import X509

/// A throw-away certificate authority for serving the simulators over HTTPS (`crm-sync sandbox --https`).
///
/// Generates a P-256 CA key and a self-signed CA certificate; `issueServerCertificate` signs a P-256 server
/// certificate for `localhost` and `127.0.0.1`. Write `certificatePEM` to a file and point a client's trusted-CA
/// setting at it (CRMSync: `CRMSYNC_TRUSTED_CA_FILE`). Keys live in memory only.
public struct CertificateAuthority: Sendable {
    /// The CA certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    public let certificatePEM: String
    private let certificate: Certificate
    private let privateKey: P256.Signing.PrivateKey

    /// Generates a CA named `commonName`, valid from one hour before `now` for `validityDays` days.
    /// - Throws: X509 or ASN.1 errors from building the certificate (not expected with these inputs).
    public init(commonName: String = "CRMSync Sandbox CA", now: Date = Date(), validityDays: Int = 365) throws {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            OrganizationName("CRMSync Sandbox")
            CommonName(commonName)
        }
        let publicKey = Certificate.PublicKey(key.publicKey)
        let certificate = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey, notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(Double(validityDays) * 86_400), issuer: name, subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.isCertificateAuthority(maxPathLength: 0))
                Critical(KeyUsage(digitalSignature: true, keyCertSign: true, cRLSign: true))
                SubjectKeyIdentifier(hash: publicKey)
            },
            issuerPrivateKey: Certificate.PrivateKey(key)
        )
        self.certificate = certificate
        self.privateKey = key
        self.certificatePEM = try certificate.serializeAsPEM().pemString
    }

    /// Issues a server certificate for `dnsNames` and `ipAddresses` (IPv4 dotted quads), valid from one hour
    /// before `now` for `validityDays` days, with its chain (server certificate, then the CA) and key as PEM.
    /// - Throws: `CertificateAuthorityError.invalidIPv4Address` for an address that is not a dotted quad; X509
    ///   errors from building the certificate.
    public func issueServerCertificate(
        dnsNames: [String] = ["localhost"], ipAddresses: [String] = ["127.0.0.1"], now: Date = Date(),
        validityDays: Int = 365
    ) throws -> SimulatorTLS {
        let key = P256.Signing.PrivateKey()
        let publicKey = Certificate.PublicKey(key.publicKey)
        let subject = try DistinguishedName {
            OrganizationName("CRMSync Sandbox")
            CommonName(dnsNames.first ?? ipAddresses.first ?? "localhost")
        }
        let names = try dnsNames.map { GeneralName.dnsName($0) } + ipAddresses.map { try Self.ipAddressName($0) }
        let issued = try Certificate(
            version: .v3, serialNumber: Certificate.SerialNumber(),
            publicKey: publicKey, notValidBefore: now.addingTimeInterval(-3600),
            notValidAfter: now.addingTimeInterval(Double(validityDays) * 86_400), issuer: certificate.subject,
            subject: subject, signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                Critical(BasicConstraints.notCertificateAuthority)
                Critical(KeyUsage(digitalSignature: true))
                try ExtendedKeyUsage([.serverAuth])
                SubjectAlternativeNames(names)
                SubjectKeyIdentifier(hash: publicKey)
                AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: certificate.publicKey).keyIdentifier)
            },
            issuerPrivateKey: Certificate.PrivateKey(privateKey)
        )
        let chain = try issued.serializeAsPEM().pemString + "\n" + certificatePEM + "\n"
        return SimulatorTLS(certificateChainPEM: chain, privateKeyPEM: key.pemRepresentation)
    }

    private static func ipAddressName(_ address: String) throws -> GeneralName {
        let parts = address.split(separator: ".", omittingEmptySubsequences: false).compactMap { UInt8($0) }
        guard parts.count == 4 else { throw CertificateAuthorityError.invalidIPv4Address(address) }
        return .ipAddress(ASN1OctetString(contentBytes: ArraySlice(parts)))
    }
}

/// Why `CertificateAuthority` could not issue a certificate.
public enum CertificateAuthorityError: Error, Hashable, Sendable {
    /// The address is not an IPv4 dotted quad.
    case invalidIPv4Address(String)
}
