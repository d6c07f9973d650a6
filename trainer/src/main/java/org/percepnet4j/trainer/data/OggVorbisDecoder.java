package org.percepnet4j.trainer.data;

import com.jcraft.jogg.Packet;
import com.jcraft.jogg.Page;
import com.jcraft.jogg.StreamState;
import com.jcraft.jogg.SyncState;
import com.jcraft.jorbis.Block;
import com.jcraft.jorbis.Comment;
import com.jcraft.jorbis.DspState;
import com.jcraft.jorbis.Info;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Ogg Vorbis straight through JOrbis (the decoder inside vorbisspi), as float and at any sample rate.
 *
 * <p>Why not through Java Sound: vorbisspi 1.0.3.3 drops the last ~4096 samples of every stream, clamps
 * overshoots to 16 bits, refuses rates it does not know (five corpus files are 128 kHz) and stops at the end of the
 * first logical stream of a chained file (some corpus files are two streams back to back). Here every chained stream
 * is decoded and each is trimmed to its final granule position, so lengths match the reference decoders.
 */
final class OggVorbisDecoder {
    private static final int CHUNK = 8192;
    /** Largest Vorbis block: the most the final page of a stream can be padded by. */
    private static final int MAX_END_PADDING = 8192;

    private OggVorbisDecoder() {
    }

    static AudioDecoder.Decoded decode(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return decode(in, file.toString());
        }
    }

    static AudioDecoder.Decoded decode(InputStream in, String name) throws IOException {
        SyncState sync = new SyncState();
        sync.init();
        Page page = new Page();
        Samples out = new Samples();
        int rate = -1;
        int streams = 0;
        while (nextPage(sync, in, page)) {
            int streamRate = decodeStream(sync, in, page, out, name);
            if (rate > 0 && streamRate != rate) {
                throw new IOException(name + ": chained streams at different rates (" + rate + ", " + streamRate + ")");
            }
            rate = streamRate;
            streams++;
        }
        sync.clear();
        if (streams == 0) {
            throw new IOException(name + ": not an Ogg stream");
        }
        return new AudioDecoder.Decoded(Arrays.copyOf(out.data, out.length), rate);
    }

    /** Decodes one logical stream whose first page is {@code first}; returns its rate. */
    private static int decodeStream(SyncState sync, InputStream in, Page first, Samples out, String name)
            throws IOException {
        StreamState stream = new StreamState();
        Packet packet = new Packet();
        Info info = new Info();
        Comment comment = new Comment();
        stream.init(first.serialno());
        info.init();
        comment.init();
        if (stream.pagein(first) < 0 || stream.packetout(packet) != 1 || info.synthesis_headerin(comment, packet) < 0) {
            throw new IOException(name + ": not Ogg Vorbis");
        }
        Page page = new Page();
        int headers = 1;
        while (headers < 3) {
            if (!nextPage(sync, in, page)) {
                throw new IOException(name + ": truncated Vorbis header");
            }
            stream.pagein(page);
            while (headers < 3) {
                int p = stream.packetout(packet);
                if (p == 0) {
                    break;
                }
                if (p < 0 || info.synthesis_headerin(comment, packet) < 0) {
                    throw new IOException(name + ": corrupt Vorbis header");
                }
                headers++;
            }
        }
        if (info.channels < 1 || info.rate <= 0) {
            throw new IOException(name + ": bad Vorbis stream parameters");
        }
        DspState dsp = new DspState();
        Block block = new Block(dsp);
        dsp.synthesis_init(info);
        block.init(dsp);
        int channels = info.channels;
        int start = out.length;
        long lastGranule = -1;
        float[][][] pcmHolder = new float[1][][];
        int[] offsets = new int[channels];
        boolean eos = false;
        while (!eos && nextPage(sync, in, page)) {
            if (page.serialno() != first.serialno()) {
                continue; // a page of another multiplexed stream: not audio we decode
            }
            stream.pagein(page);
            if (page.granulepos() >= 0) {
                lastGranule = page.granulepos();
            }
            int p;
            while ((p = stream.packetout(packet)) != 0) {
                if (p < 0) {
                    continue; // a gap in the data
                }
                if (block.synthesis(packet) == 0) {
                    dsp.synthesis_blockin(block);
                }
                int samples;
                while ((samples = dsp.synthesis_pcmout(pcmHolder, offsets)) > 0) {
                    float[][] pcm = pcmHolder[0];
                    out.ensure(samples);
                    for (int j = 0; j < samples; j++) {
                        float s = 0;
                        for (int c = 0; c < channels; c++) {
                            s += pcm[c][offsets[c] + j];
                        }
                        s /= channels;
                        out.data[out.length + j] = Float.isFinite(s) ? s : 0f;
                    }
                    out.length += samples;
                    dsp.synthesis_read(samples);
                }
            }
            eos = page.eos() != 0;
        }
        long decoded = out.length - start;
        if (lastGranule >= 0 && lastGranule < decoded && decoded - lastGranule <= MAX_END_PADDING) {
            out.length = start + (int) lastGranule; // the last block is padded; the granule says where audio ends
        }
        stream.clear();
        block.clear();
        dsp.clear();
        info.clear();
        return info.rate;
    }

    /** The next complete page, reading more input as needed; false at the end of the input. */
    private static boolean nextPage(SyncState sync, InputStream in, Page page) throws IOException {
        while (true) {
            int r = sync.pageout(page);
            if (r == 1) {
                return true;
            }
            if (r == 0) {
                int index = sync.buffer(CHUNK);
                int n = in.read(sync.data, index, CHUNK);
                if (n <= 0) {
                    return false;
                }
                sync.wrote(n);
            }
            // r < 0: skipped bytes before a page boundary; try again
        }
    }

    /** A growable float buffer. */
    private static final class Samples {
        float[] data = new float[1 << 16];
        int length;

        void ensure(int more) {
            if (length + more > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, length + more));
            }
        }
    }
}
