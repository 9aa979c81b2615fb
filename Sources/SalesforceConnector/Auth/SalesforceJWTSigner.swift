import Foundation
import JWTKit
import SyncCore

/// Signs JWT bearer assertions with the connected app's RSA private key (RS256).
actor SalesforceJWTSigner {
    /// How long an assertion is valid: Salesforce accepts `exp` at most 3 minutes ahead.
    static let lifetimeSeconds = 180

    private let privateKey: JWTKit.Insecure.RSA.PrivateKey
    private var keys: JWTKeyCollection?

    /// Reads the PEM private key (PKCS#1 or PKCS#8, at least 2048 bits).
    /// - Throws: `SyncError` `.configuration` when the PEM is not a usable RSA private key (the key text is never
    ///   included in the error).
    init(privateKeyPEM: String) throws(SyncError) {
        do {
            privateKey = try JWTKit.Insecure.RSA.PrivateKey(pem: privateKeyPEM)
        } catch {
            throw SyncError(
                code: .configuration, system: .salesforce,
                message: "The Salesforce private key is not a PEM RSA private key of at least 2048 bits",
                underlying: String(describing: type(of: error)))
        }
    }

    /// The claims for an assertion issued at `now`: `exp` = now + 3 minutes, rounded down to whole seconds.
    static func claims(clientID: String, username: String, audience: String, now: Date) -> SalesforceJWTClaims {
        let exp = Int((now.timeIntervalSince1970 + Double(lifetimeSeconds)).rounded(.down))
        return SalesforceJWTClaims(iss: clientID, sub: username, aud: audience, exp: exp)
    }

    /// A signed compact JWT with header `{"alg":"RS256","typ":"JWT"}`.
    /// - Throws: `SyncError` `.configuration` when signing fails.
    func sign(_ claims: SalesforceJWTClaims) async throws(SyncError) -> String {
        do {
            let collection: JWTKeyCollection
            if let keys {
                collection = keys
            } else {
                collection = await JWTKeyCollection().add(rsa: privateKey, digestAlgorithm: .sha256)
                keys = collection
            }
            return try await collection.sign(claims)
        } catch {
            throw SyncError(
                code: .configuration, system: .salesforce, message: "Signing the Salesforce JWT assertion failed",
                underlying: String(describing: type(of: error)))
        }
    }
}
