import NIOCore
import NIOEmbedded
import YanxiuServer

/// Runs bytes through the daemon's `LineFrameDecoder` in an embedded channel, in reads of
/// `chunkSize` bytes, and checks what a decoder must guarantee.
enum FrameSplitter {
    static func split(_ stream: [UInt8], chunkSize: Int, maxLineBytes: Int) -> [Frame] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(LineFrameDecoder(maxLineBytes: maxLineBytes)))
        var frames: [Frame] = []
        var offset = 0
        do {
            while offset < stream.count {
                let end = min(offset + chunkSize, stream.count)
                try channel.writeInbound(ByteBuffer(bytes: stream[offset..<end]))
                offset = end
                while let frame = try channel.readInbound(as: Frame.self) { frames.append(frame) }
            }
            _ = try channel.finish()
            while let frame = try channel.readInbound(as: Frame.self) { frames.append(frame) }
        } catch {
            fatalError("the frame decoder threw \(error)")
        }
        check(frames, stream: stream, maxLineBytes: maxLineBytes)
        return frames
    }

    /// No line over the limit, none holding a newline, and never more frames than lines.
    private static func check(_ frames: [Frame], stream: [UInt8], maxLineBytes: Int) {
        let newlines = stream.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
        precondition(frames.count <= newlines + 1, "\(frames.count) frames from \(newlines) newlines")
        for case .line(let line) in frames {
            precondition(line.readableBytes <= maxLineBytes, "a line of \(line.readableBytes) bytes passed the limit")
            precondition(!line.readableBytesView.contains(0x0A), "a line holds a newline")
        }
    }
}
