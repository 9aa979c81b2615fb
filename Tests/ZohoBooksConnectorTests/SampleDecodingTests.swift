import Foundation
import SyncCore
import Testing
@testable import ZohoBooksConnector

/// Decoding of every recorded Zoho Books sample; expected values are the ones printed in the samples.
@Suite("Zoho sample decoding")
struct SampleDecodingTests {
    @Test("contacts/create-contact.201.json")
    func createdContact() throws {
        let record = try ReferenceSamples.resource(
            ZohoContactRecord.self, "contacts/create-contact.201.json", key: "contact")
        #expect(record.id == "260815000000112011")
        #expect(record.name == "Test Save Contact 2")
        #expect(record.currencyID == "260815000000000097")
        #expect(record.lastModifiedTime == utc("2026-06-09T17:16:32Z"))
        #expect(record.contact == ZohoContact(id: "260815000000112011", name: "Test Save Contact 2", email: nil, currencyCode: "USD"))
        #expect(try ReferenceSamples.status("contacts/create-contact.201.json") == ZohoStatus(code: 0, message: "The contact has been added."))
    }

    @Test("contacts/get-contact.200.json")
    func singleContact() throws {
        let record = try ReferenceSamples.resource(ZohoContactRecord.self, "contacts/get-contact.200.json", key: "contact")
        #expect(record.contact == ZohoContact(id: "260815000000097001", name: "Acme Corp", email: nil, currencyCode: "USD"))
        #expect(record.contactType == "customer")
        #expect(record.persons.isEmpty)
        #expect(record.lastModifiedTime == utc("2026-06-09T13:45:19Z"))
    }

    @Test("contacts/list-contacts.200.json")
    func contactList() throws {
        let rows = try ReferenceSamples.resource([ZohoContactRecord].self, "contacts/list-contacts.200.json", key: "contacts")
        #expect(rows.map(\.id) == [
            "260815000000097001", "260815000000098001", "260815000000099001", "260815000000109009",
            "260815000000103045", "260815000000129001", "260815000000112011",
        ])
        #expect(rows.map(\.contactType) == ["customer", "vendor", "vendor", "customer", "customer", "customer", "customer"])
        #expect(rows[0].lastModifiedTime == utc("2026-06-09T17:15:33Z"))
        #expect(rows.allSatisfy { $0.email == nil && $0.currencyCode == "USD" })
        let page = try ReferenceSamples.resource(ZohoPageContext.self, "contacts/list-contacts.200.json", key: "page_context")
        #expect(page.page == 1 && page.perPage == 200 && page.hasMorePage == false)
    }

    @Test("contacts/list-contacts-sorted-by-last_modified_time.200.json")
    func contactListSortedByModification() throws {
        let name = "contacts/list-contacts-sorted-by-last_modified_time.200.json"
        let rows = try ReferenceSamples.resource([ZohoContactRecord].self, name, key: "contacts")
        #expect(rows.map(\.name) == [
            "Beta Supplies Ltd", "Gamma Partners", "Test Agent Contact", "Test Save Contact", "Acme Corp",
            "Test Save Contact 2",
        ])
        let times = rows.compactMap(\.lastModifiedTime)
        #expect(times.count == 6 && times == times.sorted())
        #expect(times.first == utc("2026-06-09T13:45:21Z"))
        #expect(times.last == utc("2026-06-09T17:16:32Z"))
    }

    @Test("invoices/create-invoice.201.json: 199.99 stays exactly 199.99")
    func createdInvoice() throws {
        let record = try ReferenceSamples.resource(ZohoInvoiceRecord.self, "invoices/create-invoice.201.json", key: "invoice")
        #expect(record.invoice == ZohoInvoice(
            id: "260815000000124029", number: "INV-000011", referenceNumber: "", customerId: "260815000000097001",
            status: .draft, total: Money(dec("199.99"), "USD"), balance: dec("199.99"), isEmailed: false,
            lastModifiedTime: utc("2026-06-09T20:22:34Z")))
        #expect("\(record.total)" == "199.99")
    }

    @Test("invoices/list-invoices.200.json: statuses, totals and balances")
    func invoiceList() throws {
        let rows = try ReferenceSamples.resource([ZohoInvoiceRecord].self, "invoices/list-invoices.200.json", key: "invoices")
        #expect(rows.map(\.id) == ["260815000000104012", "260815000000101011", "260815000000102010", "260815000000103001"])
        #expect(rows.map(\.number) == ["INV-000005", "INV-000003", "INV-000002", "INV-000001"])
        #expect(rows.map(\.status) == [.draft, .sent, .paid, .paid])
        #expect(rows.map(\.total) == [dec("100"), dec("149.97"), dec("750"), dec("598")])
        #expect(rows.map(\.balance) == [dec("100"), dec("149.97"), dec("0"), dec("0")])
        #expect("\(rows[1].total)" == "149.97")
        #expect(rows[1].lastModifiedTime == utc("2026-06-09T17:15:36Z"))
        #expect(rows.allSatisfy { $0.referenceNumber == nil && $0.customerID == "260815000000097001" })
        let page = try ReferenceSamples.resource(ZohoPageContext.self, "invoices/list-invoices.200.json", key: "page_context")
        #expect(page.perPage == 10 && page.hasMorePage == false)
    }

    @Test("invoices/list-invoices-sorted-by-created_time.200.json: void and emailed rows")
    func invoiceListSorted() throws {
        let rows = try ReferenceSamples.resource(
            [ZohoInvoiceRecord].self, "invoices/list-invoices-sorted-by-created_time.200.json", key: "invoices")
        #expect(rows.count == 9)
        #expect(rows.map(\.status) == [.paid, .paid, .sent, .draft, .paid, .void, .void, .draft, .draft])
        #expect(rows[2].isEmailed == true && rows[2].number == "INV-000003")
        #expect(rows[2].lastModifiedTime == utc("2026-06-09T21:12:00Z"))
        #expect(rows[6].invoice.total == Money(dec("50"), "USD"))
    }

    @Test("invoices: delete, email, mark sent and void answers are success envelopes", arguments: [
        ("invoices/delete-invoice.200.json", "The invoice has been deleted."),
        ("invoices/email-invoice.200.json", "Your invoice has been sent."),
        ("invoices/mark-invoice-sent.200.json", "Invoice status has been changed to Sent."),
        ("invoices/void-invoice.200.json", "Invoice status has been changed to Void."),
    ])
    func invoiceActions(name: String, message: String) throws {
        #expect(try ReferenceSamples.status(name) == ZohoStatus(code: 0, message: message))
        let response = try ReferenceSamples.response(name)
        guard case .success = ZohoResponseClassifier.classify(response, for: ZohoTestRequests.post) else {
            Issue.record("\(name) not classified as success")
            return
        }
    }

    @Test("customerpayments/list-customerpayments.200.json: summaries with UTC times")
    func paymentList() throws {
        let rows = try ReferenceSamples.resource(
            [ZohoCustomerPaymentRow].self, "customerpayments/list-customerpayments.200.json", key: "customerpayments")
        #expect(rows.compactMap(\.summary) == [
            CustomerPaymentSummary(id: "260815000000114002", lastModifiedTime: utc("2026-06-09T13:47:45Z")),
            CustomerPaymentSummary(id: "260815000000113012", lastModifiedTime: utc("2026-06-09T17:14:59Z")),
            CustomerPaymentSummary(id: "260815000000100018", lastModifiedTime: utc("2026-06-09T17:16:22Z")),
        ])
        #expect(rows.map(\.amount) == [dec("750"), dec("598"), dec("100")])
    }

    @Test("customerpayments/get-customerpayment.200.json: amount applied per invoice")
    func singlePayment() throws {
        let record = try ReferenceSamples.resource(
            ZohoCustomerPaymentRecord.self, "customerpayments/get-customerpayment.200.json", key: "payment")
        #expect(record.payment == CustomerPayment(
            id: "260815000000113012", number: "1", date: CalendarDate(year: 2026, month: 6, day: 9),
            paymentMode: "check", amount: Money(dec("598"), "USD"),
            applications: [PaymentApplication(
                invoiceId: "260815000000103001", invoiceNumber: "INV-000001", amountApplied: dec("598"),
                invoiceTotal: dec("598"), invoiceBalance: dec("0"))],
            lastModifiedTime: utc("2026-06-09T13:47:43Z")))
    }

    @Test("customerpayments/create-customerpayment.201.json")
    func createdPayment() throws {
        let payment = try ReferenceSamples.resource(
            ZohoCustomerPaymentRecord.self, "customerpayments/create-customerpayment.201.json", key: "payment").payment
        #expect(payment.id == "260815000000110028" && payment.paymentMode == "cash")
        #expect(payment.amount == Money(dec("100"), "USD"))
        #expect(payment.applications.map(\.invoiceId) == ["260815000000132001"])
        #expect(payment.applications.map(\.invoiceNumber) == ["INV-000008"])
        #expect(payment.lastModifiedTime == utc("2026-06-09T17:16:45Z"))
    }

    @Test("customerpayments/update-customerpayment.200.json: updated_time is the modification time")
    func updatedPayment() throws {
        let payment = try ReferenceSamples.resource(
            ZohoCustomerPaymentRecord.self, "customerpayments/update-customerpayment.200.json", key: "payment").payment
        #expect(payment.id == "260815000000113012")
        #expect(payment.lastModifiedTime == utc("2026-06-09T17:14:59Z"))
        #expect(payment.applications.map(\.amountApplied) == [dec("598")])
    }

    @Test("organizations/list-organizations.200.json")
    func organizations() throws {
        let rows = try ReferenceSamples.resource(
            [ZohoOrganizationRecord].self, "organizations/list-organizations.200.json", key: "organizations")
        #expect(rows.map(\.id) == ["10234695"])
        #expect(rows.map(\.timeZone) == ["America/New_York"])
    }

    @Test("Every sample file is covered by a test of this target")
    func everySampleCovered() throws {
        let covered: Set<String> = [
            "contacts/create-contact.201.json", "contacts/get-contact.200.json", "contacts/list-contacts.200.json",
            "contacts/list-contacts-sorted-by-last_modified_time.200.json",
            "customerpayments/create-customerpayment.201.json", "customerpayments/get-customerpayment.200.json",
            "customerpayments/list-customerpayments.200.json", "customerpayments/update-customerpayment.200.json",
            "errors/api-error-bodies.json", "errors/rate-limit-headers.json",
            "invoices/create-invoice.201.json", "invoices/delete-invoice.200.json", "invoices/email-invoice.200.json",
            "invoices/list-invoices-sorted-by-created_time.200.json", "invoices/list-invoices.200.json",
            "invoices/mark-invoice-sent.200.json", "invoices/void-invoice.200.json",
            "oauth/authorization-code.success.json", "oauth/error-invalid_client.json",
            "oauth/error-invalid_client_secret.json", "oauth/error-invalid_code.json",
            "oauth/error-rate-limited.json", "oauth/refresh-token.success.json",
            "organizations/list-organizations.200.json",
        ]
        #expect(Set(try ReferenceSamples.allNames()) == covered)
    }
}
