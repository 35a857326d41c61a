import NIOCore

/// One frame of the newline-delimited wire.
public enum Frame {
    /// A complete line without its terminating newline.
    case line(ByteBuffer)
    /// A line longer than the limit; its bytes were discarded up to the next newline.
    case tooLarge
}

/// Splits the byte stream into lines and refuses lines over the limit without buffering them.
///
/// An oversized line is reported once, as soon as the limit is passed; the rest of it is
/// dropped as it arrives, so a client cannot make the daemon hold more than the limit.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Frame

    public let maxLineBytes: Int
    private var discarding = false
    private var scanned = 0

    public init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if discarding {
            if let newline = buffer.readableBytesView.firstIndex(of: 0x0A) {
                buffer.moveReaderIndex(to: newline + 1)
                discarding = false
                return .continue
            }
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        let searchStart = view.startIndex + scanned
        if let newline = view[searchStart...].firstIndex(of: 0x0A) {
            let length = newline - view.startIndex
            scanned = 0
            if length > maxLineBytes {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(Self.wrapInboundOut(.tooLarge))
                return .continue
            }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            // Tolerate CRLF from hand-typed sessions (socat, nc).
            if line.readableBytes > 0, line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == 0x0D {
                line = line.getSlice(at: line.readerIndex, length: line.readableBytes - 1)!
            }
            context.fireChannelRead(Self.wrapInboundOut(.line(line)))
            return .continue
        }
        if view.count > maxLineBytes {
            buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
            scanned = 0
            discarding = true
            context.fireChannelRead(Self.wrapInboundOut(.tooLarge))
            return .continue
        }
        scanned = view.count
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        // A final line without newline is still a request; answer it.
        while try decode(context: context, buffer: &buffer) == .continue {}
        if !discarding, buffer.readableBytes > 0 {
            let line = buffer.readSlice(length: buffer.readableBytes)!
            scanned = 0
            context.fireChannelRead(Self.wrapInboundOut(.line(line)))
        }
        return .needMoreData
    }
}
