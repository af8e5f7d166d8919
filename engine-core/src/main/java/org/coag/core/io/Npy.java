package org.coag.core.io;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes NumPy {@code .npy} files (format version 1.0: the magic string, a little-endian header
 * length, a Python-literal header padded to a multiple of 64 bytes, then the raw data) of
 * little-endian float64 in C order, readable with {@code numpy.load}.
 */
public final class Npy {
    private Npy() {
    }

    /**
     * @param path the file (replaced)
     * @param shape the array shape, outermost first
     * @param rows the data: rows[i] is the i-th slice along the first axis, each of the size of
     *             the remaining axes' product
     * @throws IOException on write failure
     */
    public static void write(Path path, int[] shape, double[][] rows) throws IOException {
        StringBuilder dims = new StringBuilder();
        for (int s : shape) {
            dims.append(s).append(", ");
        }
        String dimText = shape.length == 1 ? dims.toString().trim() : dims.substring(0, dims.length() - 2);
        StringBuilder header = new StringBuilder("{'descr': '<f8', 'fortran_order': False, 'shape': (" + dimText + "), }");
        while ((10 + header.length() + 1) % 64 != 0) {
            header.append(' ');
        }
        header.append('\n');
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(path), 1 << 16)) {
            DataOutputStream data = new DataOutputStream(out);
            data.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
            data.write(header.length() & 0xFF);
            data.write(header.length() >>> 8);
            data.write(header.toString().getBytes(StandardCharsets.US_ASCII));
            ByteBuffer buf = ByteBuffer.allocate(8 << 12).order(ByteOrder.LITTLE_ENDIAN);
            for (double[] row : rows) {
                for (double v : row) {
                    if (!buf.hasRemaining()) {
                        out.write(buf.array(), 0, buf.position());
                        buf.clear();
                    }
                    buf.putDouble(v);
                }
            }
            out.write(buf.array(), 0, buf.position());
        }
    }
}
