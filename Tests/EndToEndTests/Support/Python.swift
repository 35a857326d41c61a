import Foundation

/// Runs the independent checkers under `Tests/Independent/` with the system's `python3`
/// (its packages are installed by `script/setup`).
enum Python {
    static func script(_ name: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        try run("/usr/bin/env", ["python3", Paths.file("Tests/Independent/\(name)").path] + arguments)
    }
}
