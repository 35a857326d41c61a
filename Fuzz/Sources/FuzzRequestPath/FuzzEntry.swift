/// libFuzzer's entry point: one input is a byte stream as a client would send it.
///
/// The first byte chooses how the stream is cut into reads and who the peer is; the rest
/// goes through the real frame decoder, and every line through the real dispatcher with
/// the daemon's full method table over a scratch store.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard size > 0 else { return 0 }
    let control = data[0]
    let stream = Array(UnsafeBufferPointer(start: data + 1, count: size - 1))
    let chunkSize = 1 + Int(control & 0x3F) * 7
    let frames = FrameSplitter.split(stream, chunkSize: chunkSize, maxLineBytes: Harness.maxLineBytes)
    for frame in frames {
        Harness.shared.serve(frame, asOperator: control & 0x80 != 0)
    }
    return 0
}
