import Crypto
import Foundation
import SwiftASN1
import Testing
import X509
import _CryptoExtras
import SimulatorKit

@Suite struct CertificateTests {
    @Test func authorityIsASelfSignedCA() throws {
        let authority = try CertificateAuthority(commonName: "Test CA")
        let ca = try Certificate(pemEncoded: authority.certificatePEM)
        #expect(ca.subject == ca.issuer)
        #expect(try ca.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: 0))
        #expect(try ca.extensions.keyUsage?.keyCertSign == true)
        #expect(ca.publicKey.isValidSignature(ca.signature, for: ca))
    }

    @Test func serverCertificateNamesLoopbackAndChainsToTheAuthority() throws {
        let authority = try CertificateAuthority()
        let now = Date()
        let tls = try authority.issueServerCertificate(now: now)
        let chain = try PEMDocument.parseMultiple(pemString: tls.certificateChainPEM).map { try Certificate(pemDocument: $0) }
        #expect(chain.count == 2)
        let server = chain[0]
        let ca = try Certificate(pemEncoded: authority.certificatePEM)
        #expect(chain[1] == ca)
        #expect(server.issuer == ca.subject)
        #expect(ca.publicKey.isValidSignature(server.signature, for: server))
        let names = try #require(try server.extensions.subjectAlternativeNames)
        #expect(names.contains(.dnsName("localhost")))
        #expect(names.contains(.ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1]))))
        #expect(try server.extensions.extendedKeyUsage?.contains(.serverAuth) == true)
        #expect(try server.extensions.basicConstraints == .notCertificateAuthority)
        #expect(server.notValidBefore <= now && now < server.notValidAfter)
        let key = try P256.Signing.PrivateKey(pemRepresentation: tls.privateKeyPEM)
        #expect(Certificate.PublicKey(key.publicKey) == server.publicKey)
    }

    @Test func rejectsAnAddressThatIsNotIPv4() throws {
        let authority = try CertificateAuthority()
        #expect(throws: CertificateAuthorityError.invalidIPv4Address("::1")) {
            try authority.issueServerCertificate(ipAddresses: ["::1"])
        }
    }

    @Test func rsaIdentityIsA2048BitKeyWithItsSelfSignedCertificate() throws {
        let identity = try RSASigningIdentity()
        #expect(identity.privateKeyPEM.hasPrefix("-----BEGIN PRIVATE KEY-----"))
        let key = try _RSA.Signing.PrivateKey(pemRepresentation: identity.privateKeyPEM)
        #expect(key.keySizeInBits == 2048)
        let certificate = try Certificate(pemEncoded: identity.certificatePEM)
        #expect(certificate.publicKey == Certificate.PublicKey(key.publicKey))
        #expect(certificate.signatureAlgorithm == .sha256WithRSAEncryption)
        #expect(certificate.publicKey.isValidSignature(certificate.signature, for: certificate))
        // An RS256 signature made with the key verifies with the certificate's key (as Salesforce checks it).
        let message = Data("header.payload".utf8)
        let signature = try key.signature(for: message, padding: .insecurePKCS1v1_5)
        let publicKey = try _RSA.Signing.PublicKey(derRepresentation: key.publicKey.derRepresentation)
        #expect(publicKey.isValidSignature(signature, for: message, padding: .insecurePKCS1v1_5))
    }
}
