import Foundation
import SyncCore
import Testing
@testable import SlackNotifier

@Suite("Block Kit rendering of alerts")
struct RenderingTests {
    private func encoded(_ message: SlackMessage) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: JSONEncoder().encode(message)) as? [String: Any] ?? [:]
    }

    private func sectionTexts(_ message: SlackMessage) -> [String] {
        message.blocks.compactMap { if case .section(let text) = $0 { text } else { nil } }
    }

    @Test("the payload has the shape of reference/slack/webhook-request-text-and-blocks.json")
    func referenceShape() throws {
        let reference = try #require(try Reference.json("slack/webhook-request-text-and-blocks.json") as? [String: Any])
        let referenceSection = try #require((reference["blocks"] as? [[String: Any]])?.first)
        let referenceSectionText = try #require(referenceSection["text"] as? [String: Any])

        let alert = Alert(
            kind: .persistentFailure, title: "Sales Order create failed", text: "Material TG99 is not defined",
            records: [AlertRecord(system: .salesforce, id: "006Aa00000AbCdEIAV", label: "Acme - 200 units",
                                  url: "https://example.my.salesforce.com/006Aa00000AbCdEIAV")])
        let body = try encoded(SlackAlertRenderer.render(alert))
        #expect(Set(body.keys) == Set(reference.keys))
        #expect(body["text"] is String)
        let blocks = try #require(body["blocks"] as? [[String: Any]])
        for block in blocks {
            let text = try #require(block["text"] as? [String: Any])
            #expect(Set(block.keys) == Set(referenceSection.keys))
            switch block["type"] as? String {
            case "section":
                #expect(Set(text.keys) == Set(referenceSectionText.keys))
                #expect(text["type"] as? String == referenceSectionText["type"] as? String)
            case "header":
                #expect(text["type"] as? String == "plain_text")
                #expect((text["text"] as? String)?.contains("Sales Order create failed") == true)
            default:
                Issue.record("unexpected block type \(String(describing: block["type"]))")
            }
        }
    }

    @Test("record links use Slack's <url|label> form as in the reference request")
    func links() throws {
        let reference = try #require(try Reference.json("slack/webhook-request-text-and-blocks.json") as? [String: Any])
        let sectionText = try #require(((reference["blocks"] as? [[String: Any]])?[1]["text"] as? [String: Any])?["text"] as? String)
        // "<https://www.example.com/test-run/123|View Failed Tests> \n Video"
        let link = try #require(sectionText.components(separatedBy: " ").first)
        let message = SlackAlertRenderer.render(Alert(
            kind: .lowStock, title: "Low stock", text: "",
            records: [AlertRecord(system: .sap, id: "123", label: "View Failed Tests", url: "https://www.example.com/test-run/123")]))
        #expect(sectionTexts(message).joined().contains(link))
    }

    @Test("& < > in titles, details and labels are escaped; mentions cannot be formed")
    func escaping() {
        let message = SlackAlertRenderer.render(Alert(
            kind: .persistentFailure, title: "Smith & Sons <Ltd>", text: "<!channel> price > 0 & < 10",
            records: [AlertRecord(system: .zohoBooks, id: "460000000012345", label: "A&B <GmbH>",
                                  url: "https://books.zoho.eu/app#/invoices/1?a=1&b=2")]))
        #expect(message.text == "Smith &amp; Sons &lt;Ltd&gt;: &lt;!channel&gt; price &gt; 0 &amp; &lt; 10")
        let sections = sectionTexts(message).joined(separator: "\n")
        #expect(sections.contains("&lt;!channel&gt; price &gt; 0 &amp; &lt; 10"))
        #expect(sections.contains("<https://books.zoho.eu/app#/invoices/1?a=1&amp;b=2|A&amp;B &lt;GmbH&gt;>"))
        #expect(!sections.contains("<!channel>"))
    }

    @Test("a record without URL shows its label without a link; a non-http URL is not linked")
    func unlinked() {
        let message = SlackAlertRenderer.render(Alert(
            kind: .recovered, title: "Recovered", text: "",
            records: [AlertRecord(system: .sap, id: "TG11"),
                      AlertRecord(system: .sap, id: "TG12", label: "Gear", url: "javascript:alert(1)")]))
        let text = sectionTexts(message).joined(separator: "\n")
        #expect(text.contains("• *SAP* TG11"))
        #expect(text.contains("• *SAP* Gear `TG12`"))
        #expect(!text.contains("javascript"))
    }

    @Test("never more than 50 blocks; omitted records are counted")
    func blockLimit() throws {
        let records = (0..<3000).map {
            AlertRecord(system: .salesforce, id: "006Aa00000Ab\($0)", label: "Opportunity \($0)",
                        url: "https://example.my.salesforce.com/006Aa00000Ab\($0)")
        }
        let message = SlackAlertRenderer.render(Alert(kind: .driftSummary, title: "Drift", text: "Many", records: records))
        #expect(message.blocks.count == SlackAlertRenderer.maxBlocks)
        let texts = sectionTexts(message)
        #expect(texts.allSatisfy { $0.count <= 3000 })
        let shown = texts.dropFirst().dropLast().reduce(0) { $0 + $1.components(separatedBy: "\n").count }
        let last = try #require(texts.last)
        let omitted = try #require(Int(last.components(separatedBy: " ")[1]))
        #expect(last == "…and \(omitted) more records")
        #expect(shown + omitted == records.count)
    }

    @Test("a long title is cut to the header's 150 characters")
    func headerLimit() {
        let message = SlackAlertRenderer.render(Alert(kind: .quotaGuard, title: String(repeating: "t", count: 400), text: "x", records: []))
        guard case .header(let header) = message.blocks.first else { Issue.record("no header"); return }
        #expect(header.count == 150)
    }
}
