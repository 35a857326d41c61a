import Foundation

/// Runs the command-line tools of poppler-utils, the reference the tests check the
/// PDF against: what they extract and render is what a reader of the file sees.
enum Poppler {
    struct Output {
        var status: Int32
        var standardOutput: Data
        var standardError: String
        var text: String { String(decoding: standardOutput, as: UTF8.self) }
    }

    static let directory = "/usr/bin"

    static func run(_ tool: String, _ arguments: [String]) throws -> Output {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "\(directory)/\(tool)")
        process.arguments = arguments
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Read before waiting, or a large output fills the pipe and both sides block.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Output(
            status: process.terminationStatus,
            standardOutput: outputData,
            standardError: String(decoding: errorData, as: UTF8.self)
        )
    }
}

/// An 8-bit greyscale image in binary PGM (P5), the format `pdftoppm -gray` writes.
struct GreyImage {
    var width: Int
    var height: Int
    var pixels: [UInt8]

    init?(pgm data: Data) {
        let bytes = [UInt8](data)
        // Header: "P5", width, height, maximum value, each after whitespace, then one whitespace byte.
        var fields: [Int] = []
        var index = 2
        guard bytes.starts(with: Array("P5".utf8)) else { return nil }
        while fields.count < 3, index < bytes.count {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
            var value = 0
            while index < bytes.count, (0x30...0x39).contains(bytes[index]) {
                value = value * 10 + Int(bytes[index] - 0x30)
                index += 1
            }
            fields.append(value)
        }
        guard fields.count == 3, fields[2] == 255 else { return nil }
        width = fields[0]
        height = fields[1]
        pixels = Array(bytes[(index + 1)...])
        guard pixels.count == width * height else { return nil }
    }

    /// The share of pixels darker than mid-grey within a rectangle given in fractions of the image.
    func inkCoverage(x: ClosedRange<Double> = 0...1, y: ClosedRange<Double> = 0...1) -> Double {
        let columns = Int(x.lowerBound * Double(width))..<Int(x.upperBound * Double(width))
        let rows = Int(y.lowerBound * Double(height))..<Int(y.upperBound * Double(height))
        var dark = 0
        for row in rows {
            for column in columns where pixels[row * width + column] < 128 { dark += 1 }
        }
        return Double(dark) / Double(max(columns.count * rows.count, 1))
    }
}
