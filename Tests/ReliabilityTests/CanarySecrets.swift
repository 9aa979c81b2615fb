import Foundation
import Simulators
import SimulatorKit

/// Unique canary values for every secret CRMSync holds, and the shapes of the tokens the simulators issue, with
/// the search that finds any of them (whole, in part, or encoded) in captured text.
struct CanarySecrets: Sendable {
    /// A named secret value.
    struct Value: Sendable {
        let name: String
        let value: String
    }

    /// Secrets configured on both sides (CRMSync and the simulators).
    let sapUser: String
    let sapPassword: String
    let sapClientSecret: String
    let zohoClientSecret: String
    let zohoRefreshToken: String
    let slackToken: String
    /// Wrong credentials CRMSync is given to provoke authentication failures: secrets as well.
    let wrongSAPPassword: String
    let wrongSAPClientSecret: String
    let wrongZohoRefreshToken: String
    let wrongSlackToken: String

    init() {
        func canary(_ kind: String) -> String {
            "cnry\(kind)" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        }
        sapUser = "CRMSYNC_CANARY_USER"
        sapPassword = canary("SapPw")
        sapClientSecret = canary("SapSecret")
        zohoClientSecret = canary("ZohoSecret")
        zohoRefreshToken = "1000." + canary("ZohoRefresh")
        slackToken = canary("SlackHook")
        wrongSAPPassword = canary("WrongSapPw")
        wrongSAPClientSecret = canary("WrongSapSecret")
        wrongZohoRefreshToken = "1000." + canary("WrongZohoRefresh")
        wrongSlackToken = canary("WrongSlackHook")
    }

    /// Puts the canaries into the simulators' configuration (what the systems expect).
    func configure(_ configuration: inout SimulatorSuite.Configuration) {
        configuration.sap.user = sapUser
        configuration.sap.password = sapPassword
        configuration.sap.oauthClientSecret = sapClientSecret
        configuration.zoho.clientSecret = zohoClientSecret
        configuration.zoho.refreshTokens = [zohoRefreshToken]
        configuration.slack.token = slackToken
    }

    /// Every configured value, plus the Basic credentials as they travel (`user:password` in Base64).
    var values: [Value] {
        [
            Value(name: "SAP_PASSWORD", value: sapPassword),
            Value(name: "SAP_CLIENT_SECRET", value: sapClientSecret),
            Value(name: "ZOHO_CLIENT_SECRET", value: zohoClientSecret),
            Value(name: "ZOHO_REFRESH_TOKEN", value: zohoRefreshToken),
            Value(name: "SLACK_WEBHOOK_URL token", value: slackToken),
            Value(name: "wrong SAP_PASSWORD", value: wrongSAPPassword),
            Value(name: "wrong SAP_CLIENT_SECRET", value: wrongSAPClientSecret),
            Value(name: "wrong ZOHO_REFRESH_TOKEN", value: wrongZohoRefreshToken),
            Value(name: "wrong SLACK_WEBHOOK_URL token", value: wrongSlackToken),
            Value(name: "SAP Basic credentials", value: Data("\(sapUser):\(sapPassword)".utf8).base64EncodedString()),
            Value(name: "wrong SAP Basic credentials", value: Data("\(sapUser):\(wrongSAPPassword)".utf8).base64EncodedString()),
        ]
    }

    /// The lines of a PEM private key's Base64 body (each 64 characters of key material), as canaries.
    static func pemBodyLines(_ pem: String, name: String) -> [Value] {
        pem.split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.hasPrefix("-----") && $0.count >= 32 }
            .map { Value(name: name, value: $0) }
    }

    /// Shapes of the access tokens the simulators issue (random, so found by shape): Salesforce sessions
    /// `<15-character org Id>!AR…`, Zoho `1000.<32 hex>.<32 hex>`, SAP `sapsim.<hex>`, and any JWT (the signed
    /// assertion of the Salesforce JWT bearer flow).
    static let tokenShapes: [(name: String, pattern: String)] = [
        ("Salesforce access token", #"00D[A-Za-z0-9]{12}!AR"#),
        ("Zoho access token", #"1000\.[0-9a-f]{32}\.[0-9a-f]{32}"#),
        ("SAP access token", #"sapsim\.[0-9a-f]{16}"#),
        ("JWT", #"eyJ[A-Za-z0-9_-]{8,}\.eyJ"#),
    ]

    /// The places where `secrets` or a token shape occur in `captured`, as `source: secret name` lines. A secret is
    /// found whole, by any 16-byte piece of it (a cut or wrapped leak), or percent-encoded. One linear scan per
    /// text: each 8-byte window is looked up among the pieces' first 8 bytes.
    static func hits(in captured: [(source: String, text: String)], secrets: [Value]) -> [String] {
        var pieces: [UInt64: [(name: String, bytes: [UInt8])]] = [:]
        for secret in secrets {
            let encoded = secret.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? secret.value
            for variant in Set([secret.value, encoded]) {
                let bytes = Array(variant.utf8)
                for start in 0...max(0, bytes.count - 16) {
                    let piece = Array(bytes[start..<min(start + 16, bytes.count)])
                    pieces[Self.key(piece.prefix(8)), default: []].append((secret.name, piece))
                }
            }
        }
        var found: Set<String> = []
        for (source, text) in captured {
            let bytes = Array(text.utf8)
            var window: UInt64 = 0
            for index in bytes.indices {
                window = window << 8 | UInt64(bytes[index])
                guard index >= 7, let candidates = pieces[window] else { continue }
                let start = index - 7
                for candidate in candidates
                where start + candidate.bytes.count <= bytes.count
                    && bytes[start..<start + candidate.bytes.count].elementsEqual(candidate.bytes) {
                    found.insert("\(source): \(candidate.name)")
                }
            }
            for shape in tokenShapes where text.range(of: shape.pattern, options: .regularExpression) != nil {
                found.insert("\(source): \(shape.name)")
            }
        }
        return found.sorted()
    }

    /// The first 8 bytes of a piece folded into a number the way the scan folds its window.
    private static func key(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
