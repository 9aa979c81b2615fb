import Foundation
import SyncCore
import Testing
@testable import SalesforceConnector

@Suite("SalesforceClient.Configuration")
struct ConfigurationTests {
    @Test("privateKeyPath reads the PEM; defaults are API 60.0, batch 2000 and the standard field names")
    func fromPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sf-key-\(UUID().uuidString).pem").path
        try TestKeys.privateKeyPEM.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let configuration = try SalesforceClient.Configuration(clientID: "id", username: "u", privateKeyPath: path)
        #expect(configuration.privateKeyPEM == TestKeys.privateKeyPEM)
        #expect(configuration.apiVersion == "60.0")
        #expect(configuration.queryBatchSize == 2000)
        #expect(configuration.fieldNames.paymentAmount == "Payment_Amount__c")
        #expect(configuration.fieldNames.stockLastUpdated == "Stock_Last_Updated__c")
        #expect(!configuration.description.contains("PRIVATE KEY"))
    }

    @Test("a missing key file is a configuration error naming the path")
    func missingFile() {
        do {
            _ = try SalesforceClient.Configuration(clientID: "id", username: "u", privateKeyPath: "/nonexistent/key.pem")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .configuration)
            #expect(error.message.contains("/nonexistent/key.pem"))
        }
    }
}
