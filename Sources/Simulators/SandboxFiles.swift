import Foundation

/// The files the suite writes (the Salesforce private key, the CA certificate) and the directory holding them.
struct SandboxFiles {
    let directory: URL
    /// The directory was created for this run and is removed afterwards.
    let isTemporary: Bool

    /// Uses `directory` (created if missing), or creates a private temporary directory (mode 0700).
    init(directory: URL?) throws {
        let manager = FileManager.default
        if let directory {
            try manager.createDirectory(at: directory, withIntermediateDirectories: true)
            self.directory = directory
            isTemporary = false
        } else {
            let temporary = manager.temporaryDirectory.appendingPathComponent("crm-sync-sandbox-\(UUID().uuidString)")
            try manager.createDirectory(
                at: temporary, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700]
            )
            self.directory = temporary
            isTemporary = true
        }
    }

    /// Writes `text` to `name` with `permissions` (default 0600: owner read/write only) and returns its path.
    func write(_ text: String, named name: String, permissions: Int = 0o600) throws -> String {
        let url = directory.appendingPathComponent(name)
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        guard manager.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: permissions])
        else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path]) }
        return url.path
    }

    /// Removes the directory when this run created it.
    func removeIfTemporary() {
        guard isTemporary else { return }
        try? FileManager.default.removeItem(at: directory)
    }
}
