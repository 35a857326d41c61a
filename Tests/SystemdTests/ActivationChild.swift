import Glibc
import Systemd
import Testing

/// The child half: active only inside a process started by `ActivatedChild.run`, where it
/// reports what `ListenFDs` made of the descriptors it was given.
@Suite struct ActivationChild {
    @Test(.enabled(if: ActivatedChild.reportPath != nil, "only in a socket-activated child"))
    func reportReceivedDescriptors() throws {
        let reportPath = try #require(ActivatedChild.reportPath)
        var lines: [String] = []
        do {
            let received = try ListenFDs.receive(unsetEnvironment: true)
            lines.append("descriptors=" + received.descriptors.map { "\($0.fd):\($0.name)" }.joined(separator: ","))
            let leftOver = ["LISTEN_FDS", "LISTEN_PID", "LISTEN_FDNAMES"].filter { environmentValue($0) != nil }
            lines.append("environment=" + (leftOver.isEmpty ? "unset" : leftOver.joined(separator: ",")))
            for (key, family) in [("any", AF_UNSPEC), ("unix", AF_UNIX)] {
                do {
                    let socket = try received.singleStreamSocket(family: family)
                    lines.append("\(key)=" + (socket.map { "\($0.fd):\($0.name)" } ?? "none"))
                } catch {
                    lines.append("\(key)-error=\(error)")
                }
            }
        } catch {
            lines.append("receive-error=\(error)")
        }
        try writeFile(reportPath, lines.joined(separator: "\n") + "\n")
    }
}
