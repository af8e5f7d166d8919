package org.coag.core.adaptive;

/**
 * Draws many generation-0 bridge nodes of one macro step at once, each from the ends of its parent
 * interval ({@link BridgePaths}: a node is a function of its key and those ends). The scalar
 * implementation is {@link BridgePaths#draw(int, int[], long[], long[][], long[][], long[][])}; a backend
 * may supply a vectorised one that gives the same positions bit for bit.
 *
 * <p>Layout: request r's coordinate k sits at {@code left[k][r]}, {@code right[k][r]} and
 * {@code out[k][r]} (fixed point).
 */
public interface NodeDraws {
    /**
     * @param n requests
     * @param slot particle slot of each request
     * @param q finest-grid node of each request, 0 &lt; q &lt; top; all of one dyadic level
     * @param left positions at q - h, h the node's half-interval
     * @param right positions at q + h
     * @param out the nodes' positions
     */
    void draw(int n, int[] slot, long[] q, long[][] left, long[][] right, long[][] out);
}
