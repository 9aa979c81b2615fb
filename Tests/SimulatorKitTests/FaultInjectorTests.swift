import Foundation
import Testing
@testable import SimulatorKit

@Suite struct FaultInjectorTests {
    @Test func splitMix64MatchesReferenceOutputForSeedZero() {
        // Reference values of Vigna's splitmix64.c (https://prng.di.unimi.it/splitmix64.c) with x = 0.
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(generator.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func sameSeedGivesSameSequence() {
        let plan = FaultPlan.uniform(rate: 0.5, seed: 42)
        let first = FaultInjector(plan: plan)
        let second = FaultInjector(plan: plan)
        let a = (0..<500).map { _ in first.draw() }
        let b = (0..<500).map { _ in second.draw() }
        #expect(a == b)
        #expect(a.contains { $0 != nil })
    }

    @Test func differentSeedsGiveDifferentSequences() {
        let a = FaultInjector(plan: .uniform(rate: 0.5, seed: 1))
        let b = FaultInjector(plan: .uniform(rate: 0.5, seed: 2))
        #expect((0..<200).map { _ in a.draw() } != (0..<200).map { _ in b.draw() })
    }

    @Test func setPlanRestartsTheSequence() {
        let plan = FaultPlan(seed: 7, serverError: 0.3, connectionReset: 0.3)
        let injector = FaultInjector(plan: plan)
        let before = (0..<100).map { _ in injector.draw() }
        injector.setPlan(plan)
        #expect((0..<100).map { _ in injector.draw() } == before)
    }

    @Test func noPlanNeverFaults() {
        let injector = FaultInjector()
        #expect((0..<1_000).allSatisfy { _ in injector.draw() == nil })
    }

    @Test func ratesAreHonoured() {
        let injector = FaultInjector(plan: FaultPlan(seed: 99, rateLimited: 0.2, connectionReset: 0.1))
        var rateLimited = 0
        var resets = 0
        var other = 0
        let draws = 20_000
        for _ in 0..<draws {
            switch injector.draw() {
            case .rateLimited(let seconds?) where seconds > 0: rateLimited += 1
            case .connectionReset: resets += 1
            case nil: break
            default: other += 1
            }
        }
        #expect(abs(Double(rateLimited) / Double(draws) - 0.2) < 0.015)
        #expect(abs(Double(resets) / Double(draws) - 0.1) < 0.015)
        #expect(other == 0)
    }

    @Test func uniformPlanCoversEveryKind() {
        let injector = FaultInjector(plan: .uniform(rate: 1, seed: 3))
        let faults = (0..<2_000).compactMap { _ in injector.draw() }
        #expect(faults.count == 2_000)
        #expect(faults.contains(.rateLimited(retryAfterSeconds: nil)))
        #expect(faults.contains(.rateLimited(retryAfterSeconds: FaultInjector.retryAfterSeconds)))
        #expect(faults.contains(.connectionReset))
        #expect(faults.contains(.slowResponse(seconds: 5)))
        #expect(faults.contains(.tokenExpired))
        #expect(faults.contains(.csrfExpired))
        #expect(faults.contains(.htmlErrorBody(status: 502)))
        #expect(faults.contains(.truncatedBody))
    }

    @Test func serverErrorsCycleThroughTheGatewayStatuses() {
        let injector = FaultInjector(plan: FaultPlan(serverError: 1))
        let statuses = (0..<5).map { _ -> Int? in
            if case .serverError(let status) = injector.draw() { return status }
            return nil
        }
        #expect(statuses == [500, 502, 503, 504, 500])
    }

    @Test func drawingIsNotServing() {
        let injector = FaultInjector(plan: FaultPlan(connectionReset: 1))
        _ = injector.draw()
        #expect(injector.injectedCount == 0)
        injector.recordServed()
        #expect(injector.injectedCount == 1)
    }

    @Test func planRoundTripsThroughJSON() throws {
        let plan = FaultPlan(seed: 5, rateLimited: 0.1, slowResponseSeconds: 2.5, truncatedBody: 0.05)
        let data = try JSONEncoder().encode(plan)
        #expect(try JSONDecoder().decode(FaultPlan.self, from: data) == plan)
    }
}
