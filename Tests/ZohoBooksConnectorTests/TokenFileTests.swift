import Foundation
import SyncCore
import Testing
@testable import ZohoBooksConnector

/// The Zoho access token persisted between processes (zoho.md §2: 10 access tokens per refresh token per 10 minutes,
/// a token lives 3600 s), against the Zoho Books simulator.
@Suite("Zoho access-token cache file")
struct TokenFileTests {
    @Test("Two processes one after the other with the same token file cost one token request")
    func sharedBetweenProcesses() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 1)
            harness.clock.advance(bySeconds: 60)
            #expect(try await harness.client().findContact(name: "Acme Corp")?.email == "jane.doe@example.com")
            #expect(harness.tokenRequests == 1)
        }
    }

    @Test("The file is mode 0600 and holds the token, its Books base and expiry, not the refresh token or secret")
    func fileContents() async throws {
        try await TokenFileHarness.run { harness in
            let log = CapturedLog()
            _ = try await harness.client(logger: log.logger).findContact(name: "Acme Corp")
            let attributes = try FileManager.default.attributesOfItem(atPath: harness.tokenFile.path)
            #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
            let text = try String(contentsOf: harness.tokenFile, encoding: .utf8)
            #expect(!text.contains(SimulatorHarness.refreshToken))
            #expect(!text.contains(SimulatorHarness.clientSecret))
            let json = try harness.tokenFileJSON()
            // zoho.md §2: token "1000.x.y", expires_in 3600 s from the request, Books base = api_domain + /books/v3.
            let token = try #require(json["access_token"] as? String)
            #expect(token.hasPrefix("1000."))
            #expect(json["expires_at"] as? String == "2026-06-09T15:00:00Z")
            #expect(json["books_base_url"] as? String == harness.baseURL + "/books/v3")
            let seal = try #require(json["seal"] as? String)
            #expect(seal.count == 64 && seal.allSatisfy(\.isHexDigit))  // HMAC-SHA256: 32 bytes
            #expect(!log.text.contains(token))
            // No temporary file is left beside it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: harness.folder.path) == ["zoho-token.json"])
        }
    }

    @Test("Another refresh token costs a new token and replaces the file")
    func otherCredentials() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            let first = try harness.tokenFileJSON()
            let other = harness.client(refreshToken: TokenFileHarness.otherRefreshToken)
            _ = try await other.findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
            let second = try harness.tokenFileJSON()
            #expect(second["seal"] as? String != first["seal"] as? String)
            #expect(second["access_token"] as? String != first["access_token"] as? String)
        }
    }

    @Test("A file token is used until 60 s before it expires, then a new one is fetched")
    func expiredFileToken() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            harness.clock.advance(bySeconds: 3_600 - 61)
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 1)
            harness.clock.advance(bySeconds: 2)
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
            #expect(harness.simulator.requestLog.entries.filter { $0.status == 401 }.isEmpty)
        }
    }

    @Test("A file token Zoho no longer accepts is replaced once, the call succeeds and the file holds the new one")
    func revokedFileToken() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            let revoked = try harness.tokenFileJSON()["access_token"] as? String
            harness.simulator.revokeAccessTokens()
            #expect(try await harness.client().findContact(name: "Acme Corp")?.email == "jane.doe@example.com")
            #expect(harness.tokenRequests == 2)
            #expect(harness.simulator.requestLog.entries.filter { $0.status == 401 }.count == 1)
            #expect(try harness.tokenFileJSON()["access_token"] as? String != revoked)
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
        }
    }

    @Test("Without a cache path (ZOHO_TOKEN_CACHE=off) no file is written and each process fetches its own token")
    func off() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client(cachePath: .some(nil)).findContact(name: "Acme Corp")
            _ = try await harness.client(cachePath: .some(nil)).findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
            #expect(!FileManager.default.fileExists(atPath: harness.folder.path))
        }
    }

    @Test("A path naming a file that is not a token cache (the state store, a cut-off file) is never overwritten")
    func foreignFileLeftAlone() async throws {
        try await TokenFileHarness.run { harness in
            try FileManager.default.createDirectory(at: harness.folder, withIntermediateDirectories: true)
            let foreign = Data("SQLite format 3\u{0}{\"access_token\": ".utf8)
            try foreign.write(to: harness.tokenFile)
            let log = CapturedLog()
            let client = harness.client(logger: log.logger)
            #expect(try await client.findContact(name: "Acme Corp")?.email == "jane.doe@example.com")
            #expect(harness.tokenRequests == 1)
            #expect(try Data(contentsOf: harness.tokenFile) == foreign)
            #expect(log.text.contains("names a file that is not a token cache"))
        }
    }

    @Test("A symbolic link at the path is neither followed for reading nor replaced")
    func symbolicLinkLeftAlone() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            let target = harness.folder.appendingPathComponent("real-token.json")
            try FileManager.default.moveItem(at: harness.tokenFile, to: target)
            try FileManager.default.createSymbolicLink(at: harness.tokenFile, withDestinationURL: target)
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: harness.tokenFile.path) == target.path)
        }
    }

    @Test("A file whose Books base, expiry or token was edited (the seal no longer matches) is not used")
    func editedFileIgnored() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            for (key, value) in [("books_base_url", "http://127.0.0.1:1/books/v3"), ("expires_at", "9999-12-31T23:59:59Z")] {
                var json = try harness.tokenFileJSON()
                json[key] = value
                try JSONSerialization.data(withJSONObject: json).write(to: harness.tokenFile)
                let before = harness.tokenRequests
                #expect(try await harness.client().findContact(name: "Acme Corp")?.email == "jane.doe@example.com")
                #expect(harness.tokenRequests == before + 1, "\(key) edited")
                #expect(try harness.tokenFileJSON()[key] as? String != value)
            }
        }
    }

    @Test("A file larger than 64 KiB is not read")
    func oversizedFileIgnored() async throws {
        try await TokenFileHarness.run { harness in
            _ = try await harness.client().findContact(name: "Acme Corp")
            var json = try harness.tokenFileJSON()
            json["padding"] = String(repeating: "x", count: 70_000)
            try JSONSerialization.data(withJSONObject: json).write(to: harness.tokenFile)
            _ = try await harness.client().findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 2)
        }
    }

    @Test("A file that cannot be written is a warning; the token still works in memory")
    func unwritableFile() async throws {
        try await TokenFileHarness.run { harness in
            try FileManager.default.createDirectory(at: harness.folder, withIntermediateDirectories: true)
            let blocker = harness.folder.appendingPathComponent("not-a-folder")
            try Data().write(to: blocker)
            let log = CapturedLog()
            let cachePath = blocker.appendingPathComponent("zoho-token.json").path
            let client = harness.client(cachePath: cachePath, logger: log.logger)
            _ = try await client.findContact(name: "Acme Corp")
            _ = try await client.findContact(name: "Acme Corp")
            #expect(harness.tokenRequests == 1)
            #expect(log.text.contains("warning Cannot write the Zoho token cache file"))
            #expect(!log.text.contains(SimulatorHarness.refreshToken))
            #expect(!log.text.contains(SimulatorHarness.clientSecret))
        }
    }
}
