import JWTKit

/// The claims of a JWT bearer assertion, decoded loosely so each bad claim maps to Salesforce's own error.
struct AssertionClaims: JWTPayload {
    /// `aud` as a single string or an array of strings.
    struct Audience: Codable, Sendable {
        var values: [String]

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                values = [single]
            } else {
                values = try container.decode([String].self)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(values)
        }
    }

    var iss: String?
    var sub: String?
    /// Legacy name of `sub`; wins when both are present.
    var prn: String?
    var aud: Audience?
    /// NumericDate (seconds since the epoch, UTC).
    var exp: Double?

    /// Claims are checked by the token endpoint, not by jwt-kit.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
