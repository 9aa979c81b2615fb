import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import SimulatorKit
import SlackSimulator
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

@Suite struct SlackFaultAndOperatorTests {
    let clock = ManualSimulatorClock(Date(timeIntervalSince1970: 1_796_000_000))

    @Test func vendorFaultsUseSlackErrorStrings() async throws {
        let simulator = SlackSimulator(clock: clock)
        let app = Application(router: simulator.buildRouter())
        let rollup = try Reference.webhookAnswer(body: "rollup_error")
        let invalidToken = try Reference.webhookAnswer(body: "invalid_token")
        try await app.test(.router) { client in
            func send() async throws -> (Int, String) {
                try await client.execute(
                    uri: simulator.configuration.webhookPath, method: .post, headers: [.contentType: "application/json"],
                    body: ByteBuffer(string: #"{"text":"alert"}"#)
                ) { (Int($0.status.code), String(buffer: $0.body)) }
            }
            simulator.faults.setPlan(FaultPlan(serverError: 1))
            let serverError = try await send()
            #expect(serverError == (rollup.status, rollup.body))
            simulator.faults.setPlan(FaultPlan(tokenExpiry: 1))
            let expired = try await send()
            #expect(expired == (invalidToken.status, invalidToken.body))
            simulator.faults.setPlan(FaultPlan(csrfExpiry: 1))
            #expect(try await send().0 == 200)
        }
        #expect(simulator.faults.injectedCount == 2)
        #expect(simulator.messages.count == 1)
        #expect(simulator.requestLog.countsByEndpoint() == ["POST incoming-webhook": 3])
    }

    @Test func operatorRoutesListMessagesAndSetAvailability() async throws {
        let simulator = SlackSimulator(clock: clock)
        let app = Application(router: simulator.buildRouter())
        try await app.test(.router) { client in
            try await client.execute(
                uri: simulator.configuration.webhookPath, method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"text":"one"}"#)
            ) { #expect($0.status == .ok) }
            try await client.execute(uri: "/_operator/messages", method: .get) { response in
                let decoder = JSONDecoder()
                decoder.dateDecodingStrategy = .iso8601
                let messages = try decoder.decode([SlackMessage].self, from: Data(buffer: response.body))
                #expect(messages.map(\.text) == ["one"])
            }
            try await client.execute(
                uri: "/_operator/webhook", method: .put, body: ByteBuffer(string: #"{"availability":"revoked"}"#)
            ) { #expect($0.status == .ok) }
            #expect(simulator.availability == .revoked)
            try await client.execute(uri: "/_operator/webhook", method: .put, body: ByteBuffer(string: #"{"availability":"gone"}"#)) {
                #expect($0.status == .badRequest)
            }
            try await client.execute(uri: "/_operator/messages", method: .delete) { #expect($0.status == .noContent) }
        }
        #expect(simulator.messages.isEmpty)
        #expect(simulator.requestLog.count() == 1)
    }

    @Test func servesOverRealHTTPOnAnEphemeralPort() async throws {
        let simulator = SlackSimulator(clock: clock)
        try await withSimulatorServer(router: simulator.buildRouter(), logger: Logger(label: "test")) { baseURL in
            var request = URLRequest(url: URL(string: baseURL + simulator.configuration.webhookPath)!)
            request.httpMethod = "POST"
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try Reference.data("slack/webhook-request-text.json")
            let (data, response) = try await URLSession(configuration: .ephemeral).data(for: request)
            #expect((response as? HTTPURLResponse)?.statusCode == 200)
            #expect(String(decoding: data, as: UTF8.self) == "ok")
        }
        #expect(simulator.messages.map(\.text) == ["Hello, World!"])
    }
}
