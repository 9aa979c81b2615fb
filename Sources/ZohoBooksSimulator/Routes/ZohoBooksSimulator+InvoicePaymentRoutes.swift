import Foundation
import Hummingbird

extension ZohoBooksSimulator {
    /// `GET /invoices/{invoice_id}/payments` (key `payments`): the payments applied to one invoice, oldest first,
    /// members as the invoices OpenAPI file's `list-invoice-payments-response` names them; 1002 for an unknown
    /// invoice. Payments not yet visible (commit lag) are left out, deleted ones are gone.
    func addInvoicePaymentRoutes(to api: RouterGroup<BasicRequestContext>) {
        api.get("invoices/:invoice_id/payments") { [self] _, context in
            let id = context.parameters.get("invoice_id") ?? ""
            return try await answer {
                ZohoHTTP.response(try withState { state, now throws(ZohoAPIError) in
                    let invoice = state.invoices[try state.invoiceIndex(id)]
                    let renderer = ZohoRenderer(state: state, now: now)
                    let rows = state.payments.filter { $0.visibleFrom <= now }.flatMap { payment in
                        payment.allocations.filter { $0.invoiceID == invoice.id }.map {
                            renderer.invoicePayment(payment, allocation: $0, currencyID: invoice.currencyID)
                        }
                    }
                    return ZohoRenderer.envelope(message: "success", [("payments", .array(rows))])
                })
            }
        }
    }
}

extension ZohoRenderer {
    /// One row of `GET /invoices/{invoice_id}/payments`.
    func invoicePayment(_ payment: ZohoCustomerPayment, allocation: ZohoPaymentAllocation, currencyID: String) -> ZohoJSON {
        let currency = state.currency(id: currencyID)
        return .object(ZohoJSONObject([
            ("payment_id", .string(payment.id)), ("payment_number", .string(payment.number)),
            ("invoice_id", .string(allocation.invoiceID)), ("invoice_payment_id", .string(allocation.id)),
            ("payment_mode", .string(payment.paymentMode)), ("description", .string(payment.description)),
            ("date", .string(payment.date)), ("reference_number", .string(payment.referenceNumber)),
            ("exchange_rate", .int(1)), ("amount", money(allocation.amount, currency)),
            ("tax_amount_withheld", .int(0)), ("online_transaction_id", .string("")),
            ("is_single_invoice_payment", .bool(payment.allocations.count == 1)),
        ]))
    }
}
