package dev.triage.routing.encoder;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.logging.Log;

/**
 * An encoder's named weights, converted once from its ONNX file into a flat file of float32 tensors in the DJL cache
 * directory ({@code $DJL_CACHE_DIR/triage-encoders}) and memory-mapped at every later start. Inflating and parsing the
 * 91 MB ONNX costs about a second per start on these machines; mapping the converted file, a few milliseconds. The file
 * name holds the encoder and the ONNX size, so a different ONNX never reads a stale conversion. When the directory is
 * not writable the weights are used from the ONNX as parsed.
 */
final class ConvertedWeights {

    /** The folder of the DJL cache directory that holds the converted files. */
    static final String DIRECTORY = "triage-encoders";

    private static final int MAGIC = 0x54524957; // "TRIW"
    private static final int FORMAT = 1;

    private ConvertedWeights() {}

    static Map<String, OnnxWeights.Tensor> load(Path directory, String encoder, URL onnx) throws IOException {
        Path file = directory.resolve(encoder + "-" + sizeOf(onnx) + "-v" + FORMAT + ".weights");
        if (Files.isRegularFile(file)) {
            try {
                return read(file);
            } catch (IOException | RuntimeException e) {
                Log.warnf("Converted encoder weights %s are unreadable (%s); converting again", file, e.getMessage());
            }
        }
        Map<String, OnnxWeights.Tensor> tensors;
        try (InputStream in = onnx.openStream()) {
            tensors = OnnxWeights.read(in);
        }
        try {
            write(tensors, file);
        } catch (IOException e) {
            Log.infof(
                    "Encoder weights not cached in %s (%s): the ONNX will be parsed at each start",
                    directory, e.getMessage());
        }
        return tensors;
    }

    static Map<String, OnnxWeights.Tensor> read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            int headerLength = mapped.getInt(0);
            byte[] header = new byte[headerLength];
            mapped.get(4, header);
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(header));
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException("not a converted weights file of format " + FORMAT);
            }
            int count = in.readInt();
            Map<String, OnnxWeights.Tensor> tensors = new LinkedHashMap<>();
            long offset = 4L + headerLength;
            for (int i = 0; i < count; i++) {
                String name = in.readUTF();
                long[] shape = new long[in.readInt()];
                long size = 1;
                for (int d = 0; d < shape.length; d++) {
                    shape[d] = in.readLong();
                    size *= shape[d];
                }
                ByteBuffer bytes = mapped.slice((int) offset, Math.toIntExact(size * Float.BYTES))
                        .order(ByteOrder.LITTLE_ENDIAN);
                tensors.put(name, new OnnxWeights.Tensor(shape, bytes.asFloatBuffer()));
                offset += size * Float.BYTES;
            }
            if (offset != channel.size()) {
                throw new IOException("size " + channel.size() + " does not match its header (" + offset + ")");
            }
            return tensors;
        }
    }

    /** Header (length, magic, format, then each tensor's name and shape), then the tensors' values in that order. */
    static void write(Map<String, OnnxWeights.Tensor> tensors, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(header)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(tensors.size());
            for (var entry : tensors.entrySet()) {
                out.writeUTF(entry.getKey());
                out.writeInt(entry.getValue().shape().length);
                for (long dimension : entry.getValue().shape()) {
                    out.writeLong(dimension);
                }
            }
        }
        Path partial = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".partial");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            ByteBuffer start = ByteBuffer.allocate(4 + header.size());
            start.putInt(header.size()).put(header.toByteArray()).flip();
            writeFully(channel, start);
            for (OnnxWeights.Tensor tensor : tensors.values()) {
                ByteBuffer values = ByteBuffer.allocate(tensor.values().remaining() * Float.BYTES)
                        .order(ByteOrder.LITTLE_ENDIAN);
                values.asFloatBuffer().put(tensor.values().duplicate());
                writeFully(channel, values);
            }
            channel.force(true);
        }
        // readable by other users: an image built as root serves as an unprivileged user
        try {
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
        // another process converting at the same time writes the same bytes: whichever move lands last is fine
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** The size of the ONNX resource, read to its end when its class loader does not say. */
    static long sizeOf(URL resource) throws IOException {
        long length = resource.openConnection().getContentLengthLong();
        if (length >= 0) {
            return length;
        }
        try (InputStream in = resource.openStream()) {
            return in.transferTo(OutputStream.nullOutputStream());
        }
    }
}
