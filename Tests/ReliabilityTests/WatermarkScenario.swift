import Foundation
import SAPSimulator
import SalesforceSimulator
import SimulatorKit
import Simulators
import Synchronization
import ZohoBooksSimulator

/// CRMSync's clock in the watermark property test: the systems' clock plus a skew that the scenario moves.
final class SkewedClock: Sendable {
    private let systems: ManualSimulatorClock
    private let offset = Mutex(0.0)

    init(systems: ManualSimulatorClock) {
        self.systems = systems
    }

    /// CRMSync's "now": the systems' instant plus the skew (seconds; positive: our clock runs ahead).
    func now() -> Date { systems.now().addingTimeInterval(offset.withLock { $0 }) }

    func setSkew(_ seconds: Double) { offset.withLock { $0 = seconds } }
}

/// The seeded user activity of the watermark property test: Closed Won deals entered directly or by closing open
/// ones, several in one transaction (one shared LastModifiedDate/SystemModstamp), some in long transactions that
/// become visible up to `maxLagSeconds` after their stamp (older than rows a poll already read), edits to deals
/// already synced, and customer payments in Zoho Books with shared stamps and commit lag.
struct WatermarkScenario {
    let running: RunningSimulators
    let clock: ManualSimulatorClock
    let products: Int
    let accounts: Int
    let maxLagSeconds: Double
    var random: SeededRandom
    /// Every deal that is (or will become) Closed Won.
    var won: [TrackedDeal] = []
    /// Open deals, with what they will be once closed won.
    var open: [TrackedDeal] = []
    /// Writes made (records entered, closed, edited, payments).
    var writes = 0
    /// Closed Won deals with a line whose Material SAP does not have yet (SAP refuses their Sales Order), and that
    /// Material.
    var blocked: [(deal: TrackedDeal, material: String)] = []
    /// Materials SAP does not have, not used yet.
    var unusedMissingMaterials: [String]
    /// Deals whose Material was released in SAP and that a user then saved again (their order is tried twice).
    var unblocked: Set<String> = []
    /// Deals with a write not yet committed (a long transaction holds them), until when (systems' clock).
    var busyUntil: [String: Date] = [:]
    var lateWrites = 0
    var sharedStampWrites = 0

    /// One step of user activity at the current instant.
    mutating func step() throws {
        let roll = Int.random(in: 0..<100, using: &random)
        switch roll {
        case 0..<28: try enterWon()
        case 28..<46: try enterOpen()
        case 46..<66: try closeSeveralAtOnce()
        case 66..<76: try closeOneLate()
        case 76..<85: try editSynced()
        case 85..<92: try pay()
        case 92..<96: try enterBlocked()
        default: try unblock()
        }
    }

    private mutating func lag() -> Double {
        random.chance(0.3) ? Double(Int.random(in: 1...Int(maxLagSeconds), using: &random)) : 0
    }

    private mutating func enterWon() throws {
        let lag = lag()
        let deal = try enterDeal(stage: "Closed Won", lag: lag)
        won.append(deal)
        if lag > 0 { lateWrites += 1; hold(deal, seconds: lag) }
        writes += 1
    }

    private mutating func enterOpen() throws {
        open.append(try enterDeal(stage: "Prospecting", lag: 0))
        writes += 1
    }

    private mutating func enterDeal(stage: String, lag: Double) throws -> TrackedDeal {
        let number = won.count + open.count + blocked.count + 1
        return try running.salesforce.enterDeal(
            number: number, accountIndex: Int.random(in: 1...accounts, using: &random), products: products,
            random: &random, stage: stage, commitLagSeconds: lag)
    }

    /// Several open deals closed won in one transaction: one shared stamp.
    private mutating func closeSeveralAtOnce() throws {
        guard open.count >= 2 else { return try enterOpen() }
        let count = min(open.count, Int.random(in: 2...6, using: &random))
        let chosen = Array(open.shuffled(using: &random).prefix(count))
        try running.salesforce.updateRecords(chosen.map { ($0.opportunityID, ["StageName": FieldValue.string("Closed Won")]) })
        move(chosen)
        sharedStampWrites += chosen.count
        writes += chosen.count
    }

    /// One open deal closed won in a long transaction: visible only after the lag, with its older stamp.
    private mutating func closeOneLate() throws {
        guard let deal = open.randomElement(using: &random) else { return try enterOpen() }
        let lag = Double(Int.random(in: 1...Int(maxLagSeconds), using: &random))
        try running.salesforce.closeOpportunity(id: deal.opportunityID, won: true, commitLagSeconds: lag)
        move([deal])
        hold(deal, seconds: lag)
        lateWrites += 1
        writes += 1
    }

    /// A user edits a deal that is already Closed Won: it is read again and must not be applied again.
    private mutating func editSynced() throws {
        let now = clock.now()
        let free = won.filter { (busyUntil[$0.opportunityID] ?? .distantPast) <= now }
        guard let deal = free.randomElement(using: &random) else { return try enterWon() }
        let lag = lag()
        try running.salesforce.updateRecord(
            id: deal.opportunityID, fields: ["Description": .string("Edited at step \(writes)")], commitLagSeconds: lag)
        if lag > 0 { lateWrites += 1; hold(deal, seconds: lag) }
        writes += 1
    }

    /// Payments on a few invoices in one instant (shared `last_modified_time`), some committed late.
    private mutating func pay() throws {
        let ours = Set(won.map { "SF-" + $0.opportunityID })
        let unpaid = running.zoho.allInvoices().filter { ours.contains($0.referenceNumber) && $0.balance > 0 }
        guard !unpaid.isEmpty else { return try enterWon() }
        let stamp = clock.now()
        for invoice in unpaid.shuffled(using: &random).prefix(Int.random(in: 1...3, using: &random)) {
            let amount = PaymentAmount.halfOrAll(of: invoice.balance, random: &random)
            let lag = lag()
            try running.zoho.recordPayment(
                [ZohoBooksSimulator.PaymentApplication(invoiceID: invoice.invoiceID, amount: amount)],
                paymentMode: "banktransfer", stampedAt: stamp, commitLagSeconds: lag)
            if lag > 0 { lateWrites += 1 }
            sharedStampWrites += 1
            writes += 1
        }
    }

    /// A long transaction holds the deal: nobody else can write it until it commits.
    private mutating func hold(_ deal: TrackedDeal, seconds: Double) {
        busyUntil[deal.opportunityID] = clock.now().addingTimeInterval(seconds)
    }

    /// A deal with a Material SAP does not have: SAP refuses the order, CRMSync keeps a dead letter.
    private mutating func enterBlocked() throws {
        guard let material = unusedMissingMaterials.popLast() else { return try enterWon() }
        let number = won.count + open.count + blocked.count + 1
        let deal = try running.salesforce.enterDeal(
            number: number, accountIndex: Int.random(in: 1...accounts, using: &random), products: products,
            random: &random, extraProductCode: material)
        blocked.append((deal, material))
        writes += 1
    }

    /// The Material is released in SAP, then a user saves the deal again: the next poll must retry its order.
    mutating func unblock(all: Bool = false) throws {
        guard !blocked.isEmpty else {
            if !all { try enterWon() }
            return
        }
        let chosen = all ? blocked : [blocked.remove(at: Int.random(in: 0..<blocked.count, using: &random))]
        if all { blocked = [] }
        // Salesforce keeps LastModifiedDate to the second, so a save in the same second as CRMSync's own write-back
        // carries the same record version and is not told apart from it (see the runbook, "Dead letters"); the
        // user's save comes at least a second later, as any real one after a fix in SAP does.
        clock.advance(bySeconds: 1)
        for (deal, material) in chosen {
            running.sap.upsertProduct(
                ProductFields(product: material, description: "Released part", plants: ["1010"],
                              listPrices: [ReliabilityDataset.currency: Decimal(string: "12.50")!]),
                commitLagSeconds: 0)
            try running.salesforce.updateRecord(id: deal.opportunityID, fields: ["Description": .string("Material released")])
            won.append(deal)
            unblocked.insert(deal.opportunityID)
            writes += 1
        }
    }

    private mutating func move(_ deals: [TrackedDeal]) {
        let ids = Set(deals.map(\.opportunityID))
        open.removeAll { ids.contains($0.opportunityID) }
        won.append(contentsOf: deals)
    }
}
