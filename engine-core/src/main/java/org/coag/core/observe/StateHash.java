package org.coag.core.observe;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.coag.core.backend.ParticleState;

/**
 * {@code final_state_sha256}: SHA-256 over the live particles in increasing id order, each as
 * big-endian {@code id:int32, mass:int32, pos[0..d-1]:int64} (fixed-point coordinates).
 */
public final class StateHash {
    private StateHash() {
    }

    /**
     * @param state the particles (not modified)
     * @return lower-case hex SHA-256
     */
    public static String of(ParticleState state) {
        ParticleState s = state.copy();
        s.sortById();
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        ByteBuffer buf = ByteBuffer.allocate(8 + 8 * s.dim());
        for (int i = 0; i < s.count(); i++) {
            buf.clear();
            buf.putInt(s.ids()[i]).putInt(s.masses()[i]);
            for (int k = 0; k < s.dim(); k++) {
                buf.putLong(s.positions()[k][i]);
            }
            md.update(buf.array(), 0, buf.position());
        }
        return Hex.of(md.digest());
    }
}
