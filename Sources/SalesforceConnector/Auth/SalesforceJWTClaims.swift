import Foundation
import JWTKit

/// The claims of the JWT bearer assertion (Salesforce Help, "OAuth 2.0 JWT Bearer Flow for Server-to-Server
/// Integration"): `iss` the connected app's consumer key, `sub` the username, `aud` the login URL, `exp` a
/// NumericDate in whole seconds at most 3 minutes ahead.
struct SalesforceJWTClaims: JWTPayload, Equatable {
    var iss: String
    var sub: String
    var aud: String
    /// Seconds since 1970-01-01 UTC, whole (Salesforce rejects fractions that JWTKit's `ExpirationClaim` writes).
    var exp: Int

    /// Salesforce checks the claims; the client only signs them.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
