import Foundation
@testable import SyncService
import SyncCore
import Testing

/// The split of a deal page into lanes: one per Account, page order kept within and across lanes.
@Suite struct DealLanesTests {
    static func deal(_ id: String, account: String?) -> Opportunity {
        Opportunity(
            id: id, name: "Deal \(id)", account: account.map { Account(id: $0, name: "Account \($0)") },
            stageName: "Closed Won", isWon: true, isClosed: true, closeDate: nil, amount: nil, currencyIsoCode: "EUR",
            lastModifiedDate: Date(timeIntervalSince1970: 0), systemModstamp: Date(timeIntervalSince1970: 0),
            lineItems: [], contacts: [])
    }

    @Test func dealsOfOneAccount_shareALane_inPageOrder() {
        let page = [
            Self.deal("d1", account: "A"), Self.deal("d2", account: "B"), Self.deal("d3", account: "A"),
            Self.deal("d4", account: nil), Self.deal("d5", account: "B"), Self.deal("d6", account: nil),
            Self.deal("d7", account: "C"),
        ]
        let lanes = DealLanes.byAccount(page).map { $0.map(\.id) }
        #expect(lanes == [["d1", "d3"], ["d2", "d5"], ["d4"], ["d6"], ["d7"]])
    }

    @Test func anEmptyPage_hasNoLanes() {
        #expect(DealLanes.byAccount([]).isEmpty)
    }
}
