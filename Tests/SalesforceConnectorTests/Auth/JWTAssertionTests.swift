import _CryptoExtras
import Foundation
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("JWT bearer assertion")
struct JWTAssertionTests {
    static func base64URLDecode(_ text: Substring) throws -> Data {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return try #require(Data(base64Encoded: base64))
    }

    @Test("claims: iss client id, sub username, aud login URL, exp now + 3 min rounded down")
    func claims() {
        let now = Date(timeIntervalSince1970: 1_704_067_200.75)
        let claims = SalesforceJWTSigner.claims(
            clientID: "3MVG9-client", username: "integration@example.com", audience: "https://login.salesforce.com",
            now: now)
        #expect(claims == SalesforceJWTClaims(
            iss: "3MVG9-client", sub: "integration@example.com", aud: "https://login.salesforce.com",
            exp: 1_704_067_380))
    }

    @Test("the signed assertion is RS256 over header.payload, verifiable with the public key, exp in whole seconds")
    func signedAssertion() async throws {
        let signer = try SalesforceJWTSigner(privateKeyPEM: TestKeys.privateKeyPEM)
        let claims = SalesforceJWTSigner.claims(
            clientID: "client-id", username: "user@example.com", audience: "https://test.salesforce.com",
            now: Date(timeIntervalSince1970: 1_704_067_200.999))
        let jwt = try await signer.sign(claims)
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        try #require(parts.count == 3)

        let header = try JSONValue.parse(try Self.base64URLDecode(parts[0]))
        #expect(header["alg"]?.stringValue == "RS256")

        let payload = try JSONValue.parse(try Self.base64URLDecode(parts[1]))
        #expect(payload["iss"]?.stringValue == "client-id")
        #expect(payload["sub"]?.stringValue == "user@example.com")
        #expect(payload["aud"]?.stringValue == "https://test.salesforce.com")
        #expect(payload["exp"] == .number("1704067380"))  // an integer NumericDate, no fraction

        let signature = _RSA.Signing.RSASignature(rawRepresentation: try Self.base64URLDecode(parts[2]))
        let signedBytes = Data((parts[0] + "." + parts[1]).utf8)
        #expect(TestKeys.publicKey.isValidSignature(signature, for: signedBytes, padding: .insecurePKCS1v1_5))
        #expect(!TestKeys.publicKey.isValidSignature(signature, for: Data("tampered".utf8), padding: .insecurePKCS1v1_5))
    }

    @Test("a PEM that is not an RSA private key is a configuration error that does not echo the key")
    func badKey() {
        let pem = "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"
        do {
            _ = try SalesforceJWTSigner(privateKeyPEM: pem)
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(!error.description.contains("bm90IGEga2V5"))
        }
    }
}
