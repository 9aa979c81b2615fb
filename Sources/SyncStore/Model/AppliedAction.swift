import Foundation
import SyncCore

/// An action that was carried out, with what it produced.
public struct AppliedAction: Sendable, Hashable {
    /// The action.
    public var action: ReconcileAction
    /// The reference in the target (SAP order number, Zoho invoice number, Business Partner number...).
    public var resultReference: String?
    /// The Account mapping to store, if the action changed it.
    public var account: AccountMapping?
    /// The deal mapping to store, if the action changed it.
    public var deal: DealMapping?
    /// Product mappings to store.
    public var products: [ProductMapping]

    public init(
        action: ReconcileAction, resultReference: String? = nil, account: AccountMapping? = nil,
        deal: DealMapping? = nil, products: [ProductMapping] = []
    ) {
        self.action = action
        self.resultReference = resultReference
        self.account = account
        self.deal = deal
        self.products = products
    }
}
