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

    /// `exp` as a JSON number or a numeric string: Salesforce reads both (simple-salesforce sends a string and
    /// logs in; a string that is not a number is an invalid assertion).
    struct NumericDate: Codable, Sendable {
        var seconds: Double

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                seconds = number
            } else if let text = try? container.decode(String.self), let number = Double(text) {
                seconds = number
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "exp is not a NumericDate")
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            try container.encode(seconds)
        }
    }

    var iss: String?
    var sub: String?
    /// Legacy name of `sub`; wins when both are present.
    var prn: String?
    var aud: Audience?
    /// NumericDate (seconds since the epoch, UTC).
    var exp: NumericDate?

    /// Claims are checked by the token endpoint, not by jwt-kit.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
