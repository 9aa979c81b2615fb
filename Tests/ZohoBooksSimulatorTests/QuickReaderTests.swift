import Foundation
import Testing
@testable import ZohoBooksSimulator

@Suite("request body reading")
struct QuickReaderTests {
    /// What `JSONDecoder` makes of `text` (the behaviour the quick reader must reproduce).
    private static func decoded(_ text: String) -> ZohoJSON? {
        try? JSONDecoder().decode(ZohoJSON.self, from: Data(text.utf8))
    }

    private static let plainDocuments = [
        #"{"customer_id":"460815000000100007","line_items":[{"name":"Widget","rate":199.99,"quantity":3},"#
            + #"{"name":"B \"quoted\" \\ \/ tab\t","rate":"12.50","quantity":2.000}],"date":"2026-11-30"}"#,
        #" { "z" : null , "a" : [ true , false , null , [ ] , { } ] , "m" : -0 , "n" : 0.10 } "#,
        #"{"amount":123456789012345678,"tiny":0.000001,"negative":-42.5,"zero":0,"ten":10}"#,
        "{\n\t\"contact_name\": \"Acme\",\r\n\"contact_persons\": [{\"is_primary_contact\": true}]\n}",
        #"{"b":1,"B":2,"a_b":3,"a":4,"":5}"#,
    ]

    @Test("plain objects read as JSONDecoder reads them: same values, numbers, member order")
    func plainObjects() throws {
        for text in Self.plainDocuments {
            let quick = try #require(ZohoJSONQuickReader.object(Array(text.utf8)), "declined \(text)")
            let expected = try #require(Self.decoded(text))
            #expect(quick == expected)
            #expect(quick.serialized == expected.serialized)
        }
    }

    @Test("documents outside the plain subset are declined, so JSONDecoder decides them")
    func declined() {
        let outside = [
            #"[1,2]"#, #""text""#, #"{"a":1e3}"#, #"{"a":"\u00e9"}"#, "{\"a\":\"caf\u{e9}\"}", #"{"a":1,"a":2}"#,
            #"{"a":01}"#, #"{"a":1.}"#, #"{"a":-}"#, #"{"a":1234567890123456789}"#, #"{"a":1}x"#, #"{"a":tru}"#,
            #"{"a":1,}"#, #"{'a':1}"#, "{\"a\":\"tab\there\"}", #"{"a":[1 2]}"#, "\u{FEFF}{}", #"{"a":truex}"#,
            String(repeating: "[", count: 70) + String(repeating: "]", count: 70),
        ]
        for text in outside {
            #expect(ZohoJSONQuickReader.object(Array(text.utf8)) == nil, "accepted \(text)")
            #expect(ZohoJSON.parse(Data(text.utf8)) == Self.decoded(text), "\(text)")
        }
    }

    @Test("every recorded Zoho sample reads the same both ways")
    func recordedSamples() throws {
        let folder = Reference.root.appendingPathComponent("zoho/samples")
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" } ?? []
        #expect(!files.isEmpty)
        for file in files {
            let data = try Data(contentsOf: file)
            guard let quick = ZohoJSONQuickReader.object(Array(data)) else { continue }
            let expected = try #require(try? JSONDecoder().decode(ZohoJSON.self, from: data))
            #expect(quick == expected, "\(file.lastPathComponent)")
            #expect(quick.serialized == expected.serialized, "\(file.lastPathComponent)")
        }
    }
}
