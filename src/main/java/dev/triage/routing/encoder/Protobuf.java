package dev.triage.routing.encoder;

import java.nio.charset.StandardCharsets;

/** Just enough of the protobuf wire format to walk an ONNX file: varints and length-delimited fields. */
final class Protobuf {

    static final int VARINT = 0;
    static final int FIXED64 = 1;
    static final int LENGTH_DELIMITED = 2;
    static final int FIXED32 = 5;

    private final byte[] data;
    private int position;
    private final int end;

    Protobuf(byte[] data, int start, int end) {
        this.data = data;
        this.position = start;
        this.end = end;
    }

    boolean hasMore() {
        return position < end;
    }

    /** Reads a field key; its number is {@code key >>> 3}, its wire type {@code key & 7}. */
    int readKey() {
        return (int) readVarint();
    }

    long readVarint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = data[position++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed varint at " + position);
    }

    /** A length-delimited field as a reader over its bytes; the outer reader moves past it. */
    Protobuf readMessage() {
        int length = (int) readVarint();
        Protobuf inner = new Protobuf(data, position, position + length);
        position += length;
        return inner;
    }

    String readString() {
        int length = (int) readVarint();
        String value = new String(data, position, length, StandardCharsets.UTF_8);
        position += length;
        return value;
    }

    void skipBytes(int length) {
        position += length;
    }

    int start() {
        return position;
    }

    int end() {
        return end;
    }

    byte[] data() {
        return data;
    }

    void skip(int wireType) {
        switch (wireType) {
            case VARINT -> readVarint();
            case FIXED64 -> position += 8;
            case LENGTH_DELIMITED -> skipBytes((int) readVarint());
            case FIXED32 -> position += 4;
            default -> throw new IllegalStateException("unsupported wire type " + wireType);
        }
    }
}
