import Foundation
import Testing
@testable import SalesforceConnector

/// Every Salesforce sample is read by the connector's JSON parser exactly as Foundation reads it.
@Suite("All Salesforce samples parse")
struct SampleParsingTests {
    static let folders = ["query", "sobject", "composite", "errors", "oauth", "headers"]

    @Test("each folder has samples and each sample parses identically to Foundation", arguments: folders)
    func parsesLikeFoundation(_ folder: String) throws {
        let files = try Reference.files(in: folder)
        #expect(!files.isEmpty)
        for file in files {
            let ours = try Reference.json(file)
            let theirs = try Reference.foundation(file)
            #expect(firstDifference(ours, theirs) == nil, "\(file) differs at \(firstDifference(ours, theirs) ?? "")")
        }
    }
}
