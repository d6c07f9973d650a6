/*
 * rnnoise-driver: runs Xiph's RNNoise (Debian's librnnoise0 0.2) over a clip, for percepnet4j's evaluation table.
 *
 *   rnnoise-driver < in.f32 > out.f32
 *
 * Input and output: 32-bit little-endian floats, 48 kHz mono, full scale = 1.0. The output has exactly as many
 * samples as the input and is aligned with it: RNNoise's output is the input delayed by two 480-sample frames
 * (measured by cross-correlation on clean speech: the peak, 0.99, is at exactly 960 samples), so the first two
 * frames out are dropped and two frames of silence flush the end.
 * The clip is read whole (evaluation clips are seconds long).
 * Exit status: 0 success, 1 read/write error or a byte count that is not whole samples, 2 bad arguments.
 */
#include <rnnoise.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DELAY_FRAMES 2

int main(int argc, char **argv) {
    (void) argv;
    if (argc != 1) {
        fprintf(stderr, "usage: rnnoise-driver < in.f32 > out.f32 (48 kHz mono float32 little-endian)\n");
        return 2;
    }
    size_t cap = 1 << 20, len = 0;
    unsigned char *bytes = malloc(cap);
    for (;;) {
        if (bytes == NULL) {
            fprintf(stderr, "rnnoise-driver: out of memory\n");
            return 1;
        }
        len += fread(bytes + len, 1, cap - len, stdin);
        if (len < cap) {
            break;
        }
        cap *= 2;
        bytes = realloc(bytes, cap);
    }
    if (ferror(stdin) || len % sizeof(float) != 0) {
        fprintf(stderr, "rnnoise-driver: read error or partial sample (%zu bytes)\n", len);
        return 1;
    }
    const size_t n = len / sizeof(float);
    const size_t frame = (size_t) rnnoise_get_frame_size();
    const size_t frames = (n + frame - 1) / frame + DELAY_FRAMES;
    float *in = calloc(frames * frame, sizeof(float));
    float *out = calloc(frames * frame, sizeof(float));
    DenoiseState *st = rnnoise_create(NULL);
    if (in == NULL || out == NULL || st == NULL) {
        fprintf(stderr, "rnnoise-driver: out of memory\n");
        return 1;
    }
    memcpy(in, bytes, n * sizeof(float));
    for (size_t i = 0; i < n; i++) {
        in[i] *= 32768.0f; /* RNNoise works on a 16-bit scale */
    }
    for (size_t f = 0; f < frames; f++) {
        rnnoise_process_frame(st, out + f * frame, in + f * frame);
    }
    float *aligned = out + DELAY_FRAMES * frame;
    for (size_t i = 0; i < n; i++) {
        aligned[i] /= 32768.0f;
    }
    if (fwrite(aligned, sizeof(float), n, stdout) != n || fflush(stdout) != 0) {
        fprintf(stderr, "rnnoise-driver: write error\n");
        return 1;
    }
    rnnoise_destroy(st);
    free(in);
    free(out);
    free(bytes);
    return 0;
}
