package org.percepnet4j.vst;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * The audio memory the native shim owns for one prepare: planar float blocks {@code [channel][maxBlock]} seen here
 * as direct buffers, plus the Java arrays the {@link org.percepnet4j.engine.Processor} works on. Copies are bulk
 * absolute transfers: nothing allocates per block.
 */
final class AudioBuffers {

    final int channels;
    final int maxBlock;
    final float[][] in;
    final float[][] out;
    /** Spare arrays for a piece of a block that does not start at index 0 ({@code PluginBridge.processPiece}). */
    final float[][] pieceIn;
    final float[][] pieceOut;
    /** False when the host rate is outside what the Processor supports: audio then passes through unchanged. */
    final boolean processing;
    private final FloatBuffer nativeIn;
    private final FloatBuffer nativeOut;

    AudioBuffers(ByteBuffer nativeIn, ByteBuffer nativeOut, int channels, int maxBlock, boolean processing) {
        long needed = (long) channels * maxBlock * Float.BYTES;
        if (!nativeIn.isDirect() || !nativeOut.isDirect() || nativeIn.capacity() < needed
                || nativeOut.capacity() < needed) {
            throw new IllegalArgumentException("audio buffers must be direct and hold " + needed + " bytes");
        }
        this.channels = channels;
        this.maxBlock = maxBlock;
        this.processing = processing;
        this.nativeIn = nativeIn.order(ByteOrder.nativeOrder()).asFloatBuffer();
        this.nativeOut = nativeOut.order(ByteOrder.nativeOrder()).asFloatBuffer();
        this.in = new float[channels][maxBlock];
        this.out = new float[channels][maxBlock];
        this.pieceIn = new float[channels][maxBlock];
        this.pieceOut = new float[channels][maxBlock];
    }

    void readInput(int n) {
        for (int c = 0; c < channels; c++) {
            nativeIn.get(c * maxBlock, in[c], 0, n);
        }
    }

    void writeOutput(int n) {
        for (int c = 0; c < channels; c++) {
            nativeOut.put(c * maxBlock, out[c], 0, n);
        }
    }

    void passThrough(int n) {
        for (int c = 0; c < channels; c++) {
            nativeIn.get(c * maxBlock, in[c], 0, n);
            nativeOut.put(c * maxBlock, in[c], 0, n);
        }
    }
}
