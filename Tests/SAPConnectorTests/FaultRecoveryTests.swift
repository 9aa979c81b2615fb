import Foundation
import SimulatorKit
import Synchronization
import SyncCore
import Testing
@testable import SAPConnector

/// One injected fault on a read, then a clean answer: the HTTP layer's retry (or refresh) recovers.
@Suite("SAPClient recovers from the simulator's faults", .serialized)
struct FaultRecoveryTests {
    enum Kind: String, CaseIterable, Sendable {
        case truncatedBody, htmlErrorBody, serverError, rateLimited, connectionReset

        func plan(seed: UInt64) -> FaultPlan {
            var plan = FaultPlan(seed: seed)
            switch self {
            case .truncatedBody: plan.truncatedBody = 0.5
            case .htmlErrorBody: plan.htmlErrorBody = 0.5
            case .serverError: plan.serverError = 0.5
            case .rateLimited: plan.rateLimited = 0.5
            case .connectionReset: plan.connectionReset = 0.5
            }
            return plan
        }
    }

    /// The first seed whose draws match `pattern` (true: a fault, false: none).
    static func seed(_ makePlan: (UInt64) -> FaultPlan, pattern: [Bool?]) -> UInt64? {
        (1...5000).map(UInt64.init).first { seed in
            let injector = FaultInjector(plan: makePlan(seed))
            return pattern.allSatisfy { expected in
                let drawn = injector.draw() != nil
                return expected.map { $0 == drawn } ?? true
            }
        }
    }

    @Test("a stock read hit by one fault is repeated and completes", arguments: Kind.allCases)
    func retriedRead(kind: Kind) async throws {
        let seed = try #require(Self.seed(kind.plan, pattern: [true, false]))
        try await SimulatorHarness.run { env in
            let sap = env.client()
            env.simulator.faults.setPlan(kind.plan(seed: seed))
            let rows = Mutex(0)
            try await sap.forEachStockPage(materials: nil) { page in rows.withLock { $0 += page.count } }
            #expect(rows.withLock { $0 } == 5)
            #expect(env.simulator.faults.injectedCount == 1)
            #expect(env.simulator.requestLog.count(endpoint: "A_MatlStkInAcctMod") >= 1)
        }
    }

    @Sendable static func tokenExpiryPlan(seed: UInt64) -> FaultPlan {
        FaultPlan(seed: seed, tokenExpiry: 0.5)
    }

    @Test("an expired OAuth token (401) is refreshed once and the read repeated")
    func tokenExpiry() async throws {
        // Draws: token request (any), read -> tokenExpired, token request (any), read -> none.
        let seed = try #require(Self.seed(Self.tokenExpiryPlan, pattern: [nil, true, nil, false]))
        try await SimulatorHarness.run { env in
            let sap = env.client(.oauthClientCredentials(
                tokenURL: env.baseURL + "/oauth/token", clientID: "sb-crmsync!t1010",
                clientSecret: "sandbox-sap-client-secret"))
            env.simulator.faults.setPlan(Self.tokenExpiryPlan(seed: seed))
            let rows = Mutex(0)
            try await sap.forEachStockPage(materials: nil) { page in rows.withLock { $0 += page.count } }
            #expect(rows.withLock { $0 } == 5)
            #expect(env.simulator.requestLog.count(endpoint: "oauth.token") == 2)
            #expect(env.simulator.requestLog.count(endpoint: "A_MatlStkInAcctMod") == 2)
        }
    }
}
