import Foundation

extension PostgresCluster {
    /// Makes the folder and runs initdb, then writes the cluster's settings.
    static func create(_ options: Options) throws -> PostgresCluster {
        let binaries = try PostgresBinaries.locate(launcher: options.launcher)
        let owner = try ClusterOwner.forThisProcess()
        let folder = try makeFolder(owner: owner)
        let command = ClusterCommand(launcher: options.launcher, switchUser: owner.switchUser, workingDirectory: URL(fileURLWithPath: folder))
        do {
            let port = try FreePort.pick(address: options.listenTCP ?? "127.0.0.1")
            let cluster = PostgresCluster(folder: folder, port: port, options: options, binaries: binaries, command: command)
            try cluster.initialise(options: options, owner: owner)
            return cluster
        } catch {
            try? FileManager.default.removeItem(atPath: folder)
            throw error
        }
    }

    static func makeFolder(owner: ClusterOwner) throws -> String {
        let base = NSTemporaryDirectory().hasSuffix("/") ? NSTemporaryDirectory() : NSTemporaryDirectory() + "/"
        var template = Array((base + "yanxiu-pg-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw PostgresClusterError("mkdtemp in \(base): \(String(cString: strerror(errno)))")
        }
        let folder = String(cString: made)
        try owner.take(folder)
        return folder
    }

    private func initialise(options: Options, owner: ClusterOwner) throws {
        let method = password == nil ? "trust" : "scram-sha-256"
        var arguments = [
            "-D", dataDirectory, "-U", Self.superuser, "-E", "UTF8", "--no-sync",
            // Byte order for text, as SQLite compares; a UTF-8 character classification, without
            // which pg_trgm takes no Chinese character for a letter.
            "--locale=C", "--lc-ctype=C.UTF-8",
            "--auth-local=\(method)", "--auth-host=\(method)",
        ]
        let passwordFile = folder + "/superuser-password"
        if let password {
            try (password + "\n").write(toFile: passwordFile, atomically: false, encoding: .utf8)
            try owner.take(passwordFile)
            arguments.append("--pwfile=\(passwordFile)")
        }
        let result = try command.runAsOwner(binaries.path("initdb"), arguments)
        try? FileManager.default.removeItem(atPath: passwordFile)
        guard result.succeeded else {
            throw PostgresClusterError("initdb failed (status \(result.status))", output: result.errorOutput + result.output)
        }
        try append(serverSettings(options), to: dataDirectory + "/postgresql.conf")
        if options.listenTCP != nil {
            // initdb lets in loopback addresses only; a test may listen on another of the machine's.
            try append("host all all 0.0.0.0/0 \(method)\nhost all all ::/0 \(method)\n", to: dataDirectory + "/pg_hba.conf")
        }
    }

    private func serverSettings(_ options: Options) -> String {
        var settings: [(String, String)] = [
            ("port", String(port)),
            ("listen_addresses", options.listenTCP ?? ""),
            ("unix_socket_directories", socketDirectory),
            ("fsync", options.fsync ? "on" : "off"),
        ]
        settings += options.settings.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        let lines = settings.map { name, value in "\(name) = '\(value.replacingOccurrences(of: "'", with: "''"))'" }
        return "\n# Set by the throwaway cluster.\n" + lines.joined(separator: "\n") + "\n"
    }

    func append(_ text: String, to path: String) throws {
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw PostgresClusterError("cannot write \(path)")
        }
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }
}
