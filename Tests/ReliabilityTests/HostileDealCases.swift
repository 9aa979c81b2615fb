import Foundation
import SimulatorKit

/// The deal cases of the hostile-input corpus, with outcomes from the APIs' documented rules:
/// - Legal text (quotes, backslashes, `%`, `+`, `&`, `#`, non-ASCII, injection attempts) must SYNC unchanged:
///   SOQL escapes with backslashes, OData doubles single quotes, query strings are percent-encoded
///   (reference/salesforce-and-slack.md, sap.md §2.1, zoho.md).
/// - SAP holds an organization name in `OrganizationBPName1...4`, 40 characters each (sap.md §10); `StreetName`
///   60, `CityName` 40, `PostalCode` 10 (sap.md §10); `Material` 40 (sap.md §11). A Zoho `contact_name` holds 200
///   (zoho.md). SAP names the offending property in `innererror.errordetails[].target` (sap.md §6).
/// - Quantities must be above zero, currencies ISO 4217, and an unknown Material is SAP's V1/331 on `to_Item/Material`.
enum HostileDealCases {
    static let apostropheMaterial = "O'REILLY-7"
    static let symbolMaterial = "A+B&C#9"
    static let longNameMaterial = "HOSTILE-LONGTEXT-1"
    static let unknownMaterial = "NOSAP-HOSTILE-1"
    static let blankCodeProduct = ""
    static let overlongMaterial = String(repeating: "M", count: 41)

    /// Products the cases use besides the plain ones.
    static let products: [HostileProduct] = [
        HostileProduct(code: apostropheMaterial, name: "Apostrophe material"),
        HostileProduct(code: symbolMaterial, name: "Symbol material"),
        HostileProduct(code: longNameMaterial, name: "Stainless hex bolt DIN 933 M12 x 80 A4-80 with extra long text"),
        HostileProduct(code: unknownMaterial, name: "Not in SAP", inSAP: false),
        HostileProduct(code: blankCodeProduct, name: "Product without code", inSAP: false),
        HostileProduct(code: overlongMaterial, name: "Code longer than SAP's Material", inSAP: false),
    ]

    /// Legal values: both flows sync.
    static let legal: [HostileDeal] = [
        .named("plain control deal", account: "Hostile Control GmbH"),
        .named("apostrophe in Account name", account: "O'Brien & Daughters Ltd"),
        .named("double quotes in Account name", account: "The \"Quoted\" Company"),
        .named("backslash in Account name", account: #"Back\Slash Trading"#),
        .named("trailing backslash in Account name", account: #"Trailing Backslash Co\"#),
        .named("percent in Account name", account: "100% Organic Supplies"),
        .named("plus in Account name", account: "A+B Engineering"),
        .named("ampersand and equals in Account name", account: "R&D=Value Partners"),
        .named("hash in Account name", account: "Studio #9 Works"),
        .named("accented Account name", account: "Müller Gärtnerei Ærøskøbing"),
        .named("CJK Account name", account: "株式会社テスト商事"),
        .named("emoji in Account name", account: "Rocket 🚀 Labs"),
        .named("right-to-left Account name", account: "شركة الاختبار المحدودة"),
        .named("SOQL injection in Account name", account: "' OR Name LIKE '%"),
        .named("OData quote injection in Account name", account: "x' or 1 eq 1 or 'a' eq 'a"),
        .named("OData parenthesis injection in Account name", account: "Acme) or (1 eq 1"),
        .named("OData $top injection in Account name", account: "Top$top=1&$skip=0 GmbH"),
        .named("41-character Account name (OrganizationBPName2)", account: "Nordic Precision Components Trading Group"),
        .named("160-character Account name (SAP maximum)", account: longName(160)),
        {
            var deal = HostileDeal.named("plus in contact email", account: "Plus Mail AG")
            deal.email = "billing+crm@example.com"
            return deal
        }(),
        {
            var deal = HostileDeal.named("injection in name of an existing Zoho contact", account: "Existing' or contact_name ne 'x")
            deal.existingZohoContact = true
            return deal
        }(),
        {
            var deal = HostileDeal.named("percent and ampersand in name of an existing Zoho contact", account: "100% Existing & Co")
            deal.existingZohoContact = true
            return deal
        }(),
        withLines("apostrophe in Material", account: "Apostrophe Material Buyer", [HostileDeal.line(apostropheMaterial)]),
        withLines("plus, ampersand and hash in Material", account: "Symbol Material Buyer", [HostileDeal.line(symbolMaterial)]),
        withLines("product name over 40 characters (SalesOrderItemText)", account: "Long Text Buyer", [HostileDeal.line(longNameMaterial)]),
        {
            var deal = HostileDeal.named("non-ASCII and multi-line address", account: "Adresse Prüfung KG")
            deal.street = "Straße der Einheit 5\nHinterhaus"
            deal.city = "Düsseldorf"
            return deal
        }(),
    ]

    /// Bad input: a dead letter naming the Opportunity and the field, nothing created for that flow.
    static let rejected: [HostileDeal] = [
        withLines("zero quantity", account: "Zero Quantity Ltd", [HostileDeal.line(quantity: "0")],
                  both: .dead(field: "OpportunityLineItem.Quantity")),
        withLines("negative quantity", account: "Negative Quantity Ltd", [HostileDeal.line(quantity: "-3")],
                  both: .dead(field: "OpportunityLineItem.Quantity")),
        withLines("missing quantity", account: "Missing Quantity Ltd", [HostileDeal.line(quantity: "")],
                  both: .dead(field: "OpportunityLineItem.Quantity")),
        withLines("negative unit price", account: "Negative Price Ltd", [HostileDeal.line(unitPrice: "-1.00")],
                  both: .dead(field: "OpportunityLineItem.UnitPrice")),
        withLines("no OpportunityLineItems", account: "No Lines Ltd", [], both: .dead(field: "Opportunity.OpportunityLineItems")),
        withLines("product without ProductCode", account: "Blank Code Ltd", [HostileDeal.line(blankCodeProduct)],
                  both: .dead(field: "Product2.ProductCode")),
        {
            var deal = HostileDeal.named("no Account", account: "Orphan Account Unused",
                                         orders: .dead(field: "Opportunity.AccountId"), invoices: .dead(field: "Opportunity.AccountId"))
            deal.hasAccount = false
            return deal
        }(),
        {
            var deal = HostileDeal.named("unknown currency XXX", account: "Unknown Currency Ltd",
                                         orders: .dead(field: "Opportunity.CurrencyIsoCode"), invoices: .dead(field: "Opportunity.CurrencyIsoCode"))
            deal.currency = "XXX"
            return deal
        }(),
        {
            var deal = HostileDeal.named("invalid currency EURO", account: "Invalid Currency Ltd",
                                         orders: .dead(field: "Opportunity.CurrencyIsoCode"), invoices: .dead(field: "Opportunity.CurrencyIsoCode"))
            deal.currency = "EURO"
            return deal
        }(),
        .named("blank Account name", account: "   ", orders: .dead(field: "Account.Name"), invoices: .dead(field: "Account.Name")),
        .named("161-character Account name (over SAP's 4 x 40)", account: longName(161), orders: .dead(field: "Account.Name")),
        .named("201-character Account name (over Zoho's 200)", account: longName(201),
               orders: .dead(field: "Account.Name"), invoices: .dead(field: "Account.Name")),
        withLines("unknown Material", account: "Unknown Material Ltd", [HostileDeal.line(unknownMaterial)],
                  orders: .dead(field: "to_Item/Material")),
        withLines("ProductCode over SAP's 40-character Material", account: "Overlong Material Ltd",
                  [HostileDeal.line(overlongMaterial)], orders: .dead(field: "Product2.ProductCode")),
        address("billing country not a 2-letter code", country: "Germany", field: "Account.BillingCountryCode"),
        address("billing country empty", country: "", field: "Account.BillingCountryCode"),
        address("street over SAP's 60 characters", street: String(repeating: "Lange Strasse ", count: 5), field: "StreetName"),
        address("city over SAP's 40 characters", city: "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch", field: "CityName"),
        address("postal code over SAP's 10 characters", postalCode: "20457-1234-99", field: "PostalCode"),
        {
            var deal = HostileDeal.named("contact without email", account: "No Email Ltd", invoices: .syncedWithoutEmail)
            deal.email = nil
            return deal
        }(),
    ]

    /// A name of exactly `count` characters made of words (so SAP's split at spaces is exercised).
    static func longName(_ count: Int) -> String {
        let words = "Internationale Handelsgesellschaft fuer Praezisionswerkzeuge und Industriebedarf Nord "
        var name = ""
        while name.count < count { name += words }
        var result = String(name.prefix(count))
        if result.last == " " { result = String(result.dropLast()) + "X" }
        return result
    }

    private static func withLines(
        _ name: String, account: String, _ lines: [HostileDeal.Line], orders: HostileDeal.Outcome = .synced,
        invoices: HostileDeal.Outcome = .synced, both: HostileDeal.Outcome? = nil
    ) -> HostileDeal {
        var deal = HostileDeal.named(name, account: account, orders: both ?? orders, invoices: both ?? invoices)
        deal.lines = lines
        return deal
    }

    private static func address(
        _ name: String, street: String? = nil, city: String? = nil, postalCode: String? = nil, country: String? = nil,
        field: String
    ) -> HostileDeal {
        var deal = HostileDeal.named(name, account: "Address Case \(name.prefix(24))", orders: .dead(field: field))
        if let street { deal.street = street }
        if let city { deal.city = city }
        if let postalCode { deal.postalCode = postalCode }
        if let country { deal.country = country }
        return deal
    }
}
