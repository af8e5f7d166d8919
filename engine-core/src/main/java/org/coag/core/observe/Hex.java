package org.coag.core.observe;

/** Lower-case hexadecimal encoding. */
public final class Hex {
    private Hex() {
    }

    /**
     * @param bytes data
     * @return lower-case hex, two characters per byte
     */
    public static String of(byte[] bytes) {
        StringBuilder sb = new StringBuilder(2 * bytes.length);
        for (byte b : bytes) {
            sb.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        return sb.toString();
    }
}
