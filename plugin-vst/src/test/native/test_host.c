/*
 * percepnet4j's own VST2 test host: loads the built plugin bundle the way Linux hosts do (dlopen RTLD_LOCAL,
 * VSTPluginMain) and checks it as a specification: load, lifecycle, any block partition, both precisions,
 * automation from another thread while processing, latency, state chunks (round trip and 200 malformed ones),
 * 8 instances at once, 44.1/48/96 kHz, unload and reload, and a clean refusal when Java cannot start.
 *
 * usage: test_host BUNDLE_DIR [BROKEN_BUNDLE_DIR [LIBJVM]]   prints "N passed, N failed"; exit 1 on any failure
 *        test_host --bench BUNDLE_DIR [CALLS]         per-call bridge overhead (processReplacing, 0 frames)
 *        test_host --render BUNDLE_DIR IN.f32 OUT.f32 [RATE [BLOCK]]   mono render, latency removed (debugging)
 *        test_host --editor BUNDLE_DIR OUT_DIR [NO_EDITOR_BUNDLE_DIR [TEST_CLASSES LOG]]   editor tests (needs DISPLAY;
 *                  built with -DHAVE_X11 -lX11)
 *
 * Uses only our own ABI header (src/main/c/vst2_abi.h).
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <jni.h>

#include "vst2_abi.h"

typedef Vst2Effect *(*EntryPoint)(Vst2HostCallback);

/* Parameter indexes (org.percepnet4j.engine.Parameter order). */
enum { P_SUPPRESSION, P_POST_FILTER, P_LOOKAHEAD, P_OUTPUT_GAIN, P_BYPASS, P_LISTEN, P_DUAL_MONO, P_COUNT };

static int passed, failed;
static char bundle_dir[4096];

static void report(int ok, const char *name, const char *detail) {
    if (ok) {
        passed++;
        printf("PASS: %s\n", name);
    } else {
        failed++;
        printf("FAIL: %s%s%s\n", name, detail && *detail ? ": " : "", detail ? detail : "");
    }
    fflush(stdout);
}

/* ---- host side ---------------------------------------------------------------------------------------- */

static atomic_int io_changed_calls;
static atomic_int automate_calls;
static atomic_int host_rate = 0;
static atomic_int host_block = 0;

/* Editor gestures as the host saw them (opcode, index, value, what getParameter said inside Automate, thread). */
typedef struct {
    Vst2Effect *effect;
    int32_t opcode;
    int32_t index;
    float value;
    float reread;
    pthread_t thread;
} Gesture;
enum { MAX_GESTURES = 4096 };
static Gesture gestures[MAX_GESTURES];
static int gesture_count;
static pthread_mutex_t gesture_lock = PTHREAD_MUTEX_INITIALIZER;

static void record_gesture(Vst2Effect *effect, int32_t opcode, int32_t index, float value) {
    /* Ardour re-reads the parameter on Automate instead of trusting opt (vst2-abi.md §6): do the same. */
    float reread = opcode == VST2_HOST_AUTOMATE && effect ? effect->getParameter(effect, index) : -1.0f;
    pthread_mutex_lock(&gesture_lock);
    if (gesture_count < MAX_GESTURES) {
        gestures[gesture_count++] = (Gesture){effect, opcode, index, value, reread, pthread_self()};
    }
    pthread_mutex_unlock(&gesture_lock);
}

static intptr_t host_callback(Vst2Effect *effect, int32_t opcode, int32_t index, intptr_t value, void *ptr, float opt) {
    (void)value; (void)ptr;
    switch (opcode) {
    case VST2_HOST_VERSION: return 2400;
    case VST2_HOST_IO_CHANGED: atomic_fetch_add(&io_changed_calls, 1); return 1;
    case VST2_HOST_AUTOMATE: atomic_fetch_add(&automate_calls, 1); record_gesture(effect, opcode, index, opt); return 0;
    case VST2_HOST_BEGIN_EDIT: case VST2_HOST_END_EDIT: record_gesture(effect, opcode, index, 0.0f); return 1;
    case VST2_HOST_GET_SAMPLE_RATE: return atomic_load(&host_rate);
    case VST2_HOST_GET_BLOCK_SIZE: return atomic_load(&host_block);
    default: return 0;
    }
}

typedef struct {
    void *library;
    EntryPoint entry;
    EntryPoint legacy_main;
} Plugin;

static int load_plugin(const char *dir, const char *variant, Plugin *out, char *why, size_t why_size) {
    char path[4200];
    snprintf(path, sizeof path, "%s/percepnet4j-%s.so", dir, variant);
    out->library = dlopen(path, RTLD_LOCAL | RTLD_LAZY);
    if (!out->library) {
        snprintf(why, why_size, "dlopen %s: %s", path, dlerror());
        return -1;
    }
    out->entry = (EntryPoint)dlsym(out->library, "VSTPluginMain");
    out->legacy_main = (EntryPoint)dlsym(out->library, "main");
    if (!out->entry) {
        snprintf(why, why_size, "%s exports no VSTPluginMain", path);
        return -1;
    }
    return 0;
}

static intptr_t call(Vst2Effect *e, int32_t opcode, int32_t index, intptr_t value, void *ptr, float opt) {
    return e->dispatcher(e, opcode, index, value, ptr, opt);
}

/* A started instance: open, rate, block size, resume (Ardour's insert sequence). */
static Vst2Effect *start(Plugin *p, double rate, int block) {
    Vst2Effect *e = p->entry(host_callback);
    if (!e) return NULL;
    call(e, VST2_EFF_OPEN, 0, 0, NULL, 0);
    call(e, VST2_EFF_SET_SAMPLE_RATE, 0, 0, NULL, (float)rate);
    call(e, VST2_EFF_SET_BLOCK_SIZE, 0, block, NULL, 0);
    call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0);
    return e;
}

static void stop(Vst2Effect *e) {
    call(e, VST2_EFF_MAINS_CHANGED, 0, 0, NULL, 0);
    call(e, VST2_EFF_CLOSE, 0, 0, NULL, 0);
}

/* ---- signals ------------------------------------------------------------------------------------------ */

static double uniform(uint64_t *s) {
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / (double)(1ULL << 53);
}

/* Voiced-speech-like harmonics with a syllable envelope, plus white noise: planar [channels][frames]. */
static float *make_signal(int channels, int frames, double rate, uint64_t seed) {
    float *x = malloc(sizeof(float) * (size_t)channels * frames);
    uint64_t s = seed;
    for (int i = 0; i < frames; i++) {
        double t = i / rate;
        double f0 = 140 + 20 * sin(2 * M_PI * 0.7 * t);
        double env = 0.5 + 0.5 * sin(2 * M_PI * 3.0 * t);
        double voice = 0;
        for (int h = 1; h <= 12; h++) voice += sin(2 * M_PI * f0 * h * t) / h;
        for (int c = 0; c < channels; c++) {
            double noise = (uniform(&s) * 2 - 1) * 0.05;
            x[(size_t)c * frames + i] = (float)(0.08 * env * voice + noise);
        }
    }
    return x;
}

/* Runs `frames` samples through processReplacing in blocks from `sizes` (cycled); in and out planar. */
static void run_float(Vst2Effect *e, const float *in, float *out, int channels, int frames, const int *sizes,
                      int size_count) {
    int done = 0, k = 0;
    while (done < frames) {
        int n = sizes[k++ % size_count];
        if (n > frames - done) n = frames - done;
        float *ins[8], *outs[8];
        for (int c = 0; c < channels; c++) {
            ins[c] = (float *)in + (size_t)c * frames + done;
            outs[c] = out + (size_t)c * frames + done;
        }
        e->processReplacing(e, ins, outs, n);
        done += n;
    }
}

static int all_finite(const float *x, size_t n) {
    for (size_t i = 0; i < n; i++) if (!isfinite(x[i])) return 0;
    return 1;
}

static double rms(const float *x, size_t n) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += (double)x[i] * x[i];
    return sqrt(s / (double)(n ? n : 1));
}

static float get_param(Vst2Effect *e, int i) { return e->getParameter(e, i); }

/* ---- tests -------------------------------------------------------------------------------------------- */

static Plugin mono, stereo;

static void test_load(void) {
    char why[4400] = "";
    int ok = load_plugin(bundle_dir, "mono", &mono, why, sizeof why) == 0 &&
             load_plugin(bundle_dir, "stereo", &stereo, why, sizeof why) == 0;
    report(ok, "load: dlopen both variants, VSTPluginMain exported", why);
    if (!ok) { printf("%d passed, %d failed\n", passed, failed); exit(1); }
    report(mono.legacy_main == mono.entry && stereo.legacy_main == stereo.entry,
           "load: 'main' is exported as an alias of VSTPluginMain", "");

    Vst2Effect *m = mono.entry(host_callback);
    Vst2Effect *s = stereo.legacy_main(host_callback);
    report(m && s, "load: both entry points return an AEffect", "returned NULL (see the plugin log)");
    if (!m || !s) { printf("%d passed, %d failed\n", passed, failed); exit(1); }
    char detail[512];
    snprintf(detail, sizeof detail, "magic %08x flags %x in/out %d/%d and %d/%d params %d programs %d ids %08x %08x",
             m->magic, m->flags, m->numInputs, m->numOutputs, s->numInputs, s->numOutputs, m->numParams,
             m->numPrograms, m->uniqueId, s->uniqueId);
    int want_flags = VST2_FLAG_CAN_REPLACING | VST2_FLAG_PROGRAM_CHUNKS | VST2_FLAG_CAN_DOUBLE_REPLACING;
    report(m->magic == VST2_MAGIC && s->magic == VST2_MAGIC && m->flags == want_flags && s->flags == want_flags &&
               m->numInputs == 1 && m->numOutputs == 1 && s->numInputs == 2 && s->numOutputs == 2 &&
               m->numParams == P_COUNT && s->numParams == P_COUNT && m->numPrograms >= 1 &&
               m->uniqueId == VST2_FOURCC('P', 'n', '4', 'M') && s->uniqueId == VST2_FOURCC('P', 'n', '4', 'S') &&
               m->processReplacing && m->processDoubleReplacing && m->object && m->initialDelay > 0,
           "load: AEffect fields (magic, flags 0x1030, 1/1 and 2/2 pins, 7 parameters, ids Pn4M/Pn4S, latency)",
           detail);
    stop(m);
    stop(s);
}

static void test_lifecycle(Plugin *plugin, int channels) {
    char name[64];
    snprintf(name, sizeof name, "lifecycle (%s)", channels == 1 ? "mono" : "stereo");
    Vst2Effect *e = plugin->entry(host_callback);
    if (!e) { report(0, name, "entry returned NULL"); return; }
    char text[256], detail[1024] = "";
    int ok = 1;
#define EXPECT(cond, ...) do { if (!(cond)) { ok = 0; snprintf(detail, sizeof detail, __VA_ARGS__); } } while (0)
    EXPECT(call(e, VST2_EFF_OPEN, 0, 0, NULL, 0) == 0, "open");
    EXPECT(call(e, VST2_EFF_GET_VST_VERSION, 0, 0, NULL, 0) == 2400, "vst version");
    memset(text, 'x', sizeof text);
    EXPECT(call(e, VST2_EFF_GET_EFFECT_NAME, 0, 0, text, 0) == 1 && strlen(text) > 0 && strlen(text) < 32,
           "effect name '%s'", text);
    EXPECT(strstr(text, channels == 1 ? "mono" : "stereo") != NULL, "effect name '%s' names the variant", text);
    EXPECT(call(e, VST2_EFF_GET_VENDOR_STRING, 0, 0, text, 0) == 1 && strcmp(text, "percepnet4j") == 0, "vendor '%s'", text);
    EXPECT(call(e, VST2_EFF_GET_PRODUCT_STRING, 0, 0, text, 0) == 1 && strlen(text) > 0 && strlen(text) < 64, "product");
    EXPECT(call(e, VST2_EFF_GET_VENDOR_VERSION, 0, 0, NULL, 0) == e->version, "vendor version");
    EXPECT(call(e, VST2_EFF_GET_PLUG_CATEGORY, 0, 0, NULL, 0) == VST2_CATEGORY_RESTORATION, "category");
    const char *midi[] = {"receiveVstEvents", "receiveVstMidiEvent", "receiveVstMidiEvents", "sendVstEvents",
                          "sendVstMidiEvent", "sendVstMidiEvents"};
    for (int i = 0; i < 6; i++) EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, (void *)midi[i], 0) <= 0, "canDo %s", midi[i]);
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, "bypass", 0) == 1, "canDo bypass");
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, "plugAsChannelInsert", 0) == 1, "canDo insert");
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, channels == 1 ? "1in1out" : "2in2out", 0) == 1, "canDo layout");
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, channels == 1 ? "2in2out" : "1in1out", 0) <= 0, "canDo other layout");
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, "somethingUnknown", 0) == 0, "canDo unknown");
    EXPECT(call(e, VST2_EFF_CAN_DO, 0, 0, NULL, 0) == 0, "canDo NULL");
    EXPECT(call(e, 9999, 5, 5, NULL, 0) == 0, "unknown opcode");
    EXPECT(call(e, VST2_EFF_SET_PROCESS_PRECISION, 0, 1, NULL, 0) == 1, "double precision");
    Vst2PinProperties pin;
    for (int c = 0; c < channels; c++) {
        EXPECT(call(e, VST2_EFF_GET_INPUT_PROPERTIES, c, 0, &pin, 0) == 1 && (pin.flags & VST2_PIN_IS_ACTIVE) &&
                   strlen(pin.shortLabel) < 8, "input pin %d", c);
        EXPECT(call(e, VST2_EFF_GET_OUTPUT_PROPERTIES, c, 0, &pin, 0) == 1, "output pin %d", c);
    }
    EXPECT(call(e, VST2_EFF_GET_INPUT_PROPERTIES, channels, 0, &pin, 0) == 0, "pin out of range");
    EXPECT(call(e, VST2_EFF_SET_SAMPLE_RATE, 0, 0, NULL, 48000.0f) == 0, "rate");
    EXPECT(call(e, VST2_EFF_SET_BLOCK_SIZE, 0, 512, NULL, 0) == 0, "block");
    for (int i = 0; i < e->numParams; i++) {
        char pname[128], label[128], display[128];
        memset(pname, 0x7f, sizeof pname); memset(label, 0x7f, sizeof label); memset(display, 0x7f, sizeof display);
        call(e, VST2_EFF_GET_PARAM_NAME, i, 0, pname, 0);
        call(e, VST2_EFF_GET_PARAM_LABEL, i, 0, label, 0);
        call(e, VST2_EFF_GET_PARAM_DISPLAY, i, 0, display, 0);
        EXPECT(strlen(pname) > 0 && strlen(pname) < 24, "param %d name '%s'", i, pname);
        EXPECT(strlen(label) < 8 && strlen(display) > 0 && strlen(display) < 8, "param %d label '%s' display '%s'",
               i, label, display);
        EXPECT(call(e, VST2_EFF_CAN_BE_AUTOMATED, i, 0, NULL, 0) == 1, "automatable %d", i);
        Vst2ParameterProperties props;
        EXPECT(call(e, VST2_EFF_GET_PARAMETER_PROPERTIES, i, 0, &props, 0) == 1 && strlen(props.label) > 0,
               "properties %d", i);
        if (i == P_BYPASS) EXPECT(props.flags & VST2_PARAM_IS_SWITCH, "bypass is a switch");
        if (i == P_SUPPRESSION) EXPECT(strcmp(label, "dB") == 0, "suppression unit '%s'", label);
        float v = get_param(e, i);
        EXPECT(v >= 0.0f && v <= 1.0f, "param %d value %f", i, v);
    }
    EXPECT(call(e, VST2_EFF_GET_PARAM_NAME, -1, 0, text, 0) == 0 && call(e, VST2_EFF_GET_PARAM_NAME, 99, 0, text, 0) == 0,
           "bad index");
    e->setParameter(e, 99, 0.5f); /* ignored */
    EXPECT(get_param(e, -3) == 0.0f, "bad index get");
    EXPECT(call(e, VST2_EFF_STRING_TO_PARAMETER, P_SUPPRESSION, 0, NULL, 0) == 1, "string2parameter probe");
    EXPECT(call(e, VST2_EFF_STRING_TO_PARAMETER, P_SUPPRESSION, 0, "12 dB", 0) == 1, "parse '12 dB'");
    call(e, VST2_EFF_GET_PARAM_DISPLAY, P_SUPPRESSION, 0, text, 0);
    EXPECT(strcmp(text, "12.0") == 0, "display after '12 dB' is '%s'", text);
    EXPECT(fabsf(get_param(e, P_SUPPRESSION) - 0.12f) < 1e-6f, "normalised 12 dB = %f", get_param(e, P_SUPPRESSION));
    EXPECT(call(e, VST2_EFF_STRING_TO_PARAMETER, P_SUPPRESSION, 0, "loud", 0) == 0, "parse 'loud' refused");
    e->setParameter(e, P_BYPASS, 1.0f);
    call(e, VST2_EFF_GET_PARAM_DISPLAY, P_BYPASS, 0, text, 0);
    EXPECT(strcmp(text, "On") == 0, "bypass display '%s'", text);
    e->setParameter(e, P_BYPASS, 0.0f);
    EXPECT(call(e, VST2_EFF_SET_BYPASS, 0, 1, NULL, 0) == 1 && get_param(e, P_BYPASS) == 1.0f, "soft bypass on");
    EXPECT(call(e, VST2_EFF_SET_BYPASS, 0, 0, NULL, 0) == 1 && get_param(e, P_BYPASS) == 0.0f, "soft bypass off");
    char program[64];
    EXPECT(call(e, VST2_EFF_GET_PROGRAM_NAME_INDEXED, 0, -1, program, 0) == 1 && strlen(program) > 0 &&
               strlen(program) < 24, "program 0 name '%s'", program);
    EXPECT(call(e, VST2_EFF_GET_PROGRAM_NAME_INDEXED, e->numPrograms, -1, program, 0) == 0, "program out of range");
    call(e, VST2_EFF_SET_PROGRAM_NAME, 0, 0, "My take", 0);
    call(e, VST2_EFF_GET_PROGRAM_NAME, 0, 0, program, 0);
    EXPECT(strcmp(program, "My take") == 0, "program name '%s'", program);

    EXPECT(call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0) == 0, "resume");
    const int frames = 48000;
    float *in = make_signal(channels, frames, 48000, 7);
    float *out = calloc((size_t)channels * frames, sizeof(float));
    int sizes[] = {512};
    run_float(e, in, out, channels, frames, sizes, 1);
    double rin = rms(in, (size_t)channels * frames), rout = rms(out + 4800, (size_t)channels * frames - 4800);
    EXPECT(all_finite(out, (size_t)channels * frames), "non-finite output");
    EXPECT(rout > rin * 0.01 && rout < rin * 2 && memcmp(in, out, sizeof(float) * frames) != 0,
           "output rms %g vs input %g", rout, rin);
    EXPECT(e->initialDelay == 1920, "latency at 48 kHz, 20 ms look-ahead: %d (expected (2 + 2) x 480)", e->initialDelay);
    EXPECT(call(e, VST2_EFF_MAINS_CHANGED, 0, 0, NULL, 0) == 0, "suspend");
    EXPECT(call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0) == 0 && call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0) == 0,
           "repeated resume");
    e->processReplacing(e, (float *[]){in, in + frames}, (float *[]){out, out + frames}, 0); /* zero frames: fine */
    EXPECT(call(e, VST2_EFF_CLOSE, 0, 0, NULL, 0) == 0, "close");
#undef EXPECT
    free(in);
    free(out);
    report(ok, name, detail);
}

/* The same input in random host blocks of 1..8192 frames gives bit-identical output to fixed 512-frame blocks. */
static void test_partitions(Plugin *plugin, int channels) {
    const int frames = 3 * 48000;
    float *in = make_signal(channels, frames, 48000, 11);
    float *a = calloc((size_t)channels * frames, sizeof(float));
    float *b = calloc((size_t)channels * frames, sizeof(float));
    Vst2Effect *ea = start(plugin, 48000, 512);
    Vst2Effect *eb = start(plugin, 48000, 8192);
    int fixed[] = {512};
    run_float(ea, in, a, channels, frames, fixed, 1);
    int sizes[400];
    uint64_t s = 99;
    for (int i = 0; i < 400; i++) {
        double u = uniform(&s);
        sizes[i] = i % 7 == 0 ? 1 + (int)(u * 8) : 1 + (int)(u * u * 8192); /* many small, some large */
        if (sizes[i] > 8192) sizes[i] = 8192;
    }
    sizes[3] = 8192;
    run_float(eb, in, b, channels, frames, sizes, 400);
    size_t first = 0;
    while (first < (size_t)channels * frames && a[first] == b[first]) first++;
    char detail[128];
    snprintf(detail, sizeof detail, "first difference at sample %zu", first);
    report(first == (size_t)channels * frames && rms(a, (size_t)frames) > 0,
           channels == 1 ? "random block sizes 1..8192 (mono): bit-identical output"
                         : "random block sizes 1..8192 (stereo): bit-identical output",
           detail);
    stop(ea);
    stop(eb);
    free(in); free(a); free(b);
}

/* processDoubleReplacing gives exactly the float path's output (the engine runs in float). */
static void test_double_precision(void) {
    const int channels = 2, frames = 48000;
    float *in = make_signal(channels, frames, 48000, 21);
    float *a = calloc((size_t)channels * frames, sizeof(float));
    double *din = malloc(sizeof(double) * channels * frames), *dout = calloc((size_t)channels * frames, sizeof(double));
    for (int i = 0; i < channels * frames; i++) din[i] = in[i];
    Vst2Effect *ea = start(&stereo, 48000, 1024);
    Vst2Effect *eb = start(&stereo, 48000, 1024);
    call(eb, VST2_EFF_SET_PROCESS_PRECISION, 0, 1, NULL, 0);
    int sizes[] = {1024, 333, 7};
    run_float(ea, in, a, channels, frames, sizes, 3);
    int done = 0, k = 0;
    while (done < frames) {
        int n = sizes[k++ % 3];
        if (n > frames - done) n = frames - done;
        double *ins[2] = {din + done, din + frames + done}, *outs[2] = {dout + done, dout + frames + done};
        eb->processDoubleReplacing(eb, ins, outs, n);
        done += n;
    }
    int same = 1;
    for (int i = 0; i < channels * frames; i++) if (dout[i] != (double)a[i]) { same = 0; break; }
    report(same && rms(a, (size_t)frames) > 0, "double precision: processDoubleReplacing == processReplacing", "");
    /* in-place: one buffer as input and output */
    float *inplace = malloc(sizeof(float) * channels * frames);
    memcpy(inplace, in, sizeof(float) * channels * frames);
    Vst2Effect *ec = start(&stereo, 48000, 1024);
    run_float(ec, inplace, inplace, channels, frames, sizes, 3);
    report(memcmp(inplace, a, sizeof(float) * channels * frames) == 0,
           "in-place: the same buffer as input and output gives the same result", "");
    stop(ea); stop(eb); stop(ec);
    free(in); free(a); free(din); free(dout); free(inplace);
}

/* A host that leaves a channel unconnected (NULL pointer): it reads as silence and its output is skipped. */
static void test_null_channels(void) {
    const int channels = 2, frames = 9600, block = 512;
    float *in = make_signal(channels, frames, 48000, 23);
    memset(in + frames, 0, sizeof(float) * frames); /* the reference's right input: silence */
    float *ref = calloc((size_t)channels * frames, sizeof(float)), *left = calloc((size_t)frames, sizeof(float));
    Vst2Effect *ea = start(&stereo, 48000, block);
    Vst2Effect *eb = start(&stereo, 48000, block);
    int sizes[] = {block};
    run_float(ea, in, ref, channels, frames, sizes, 1);
    for (int done = 0; done < frames; done += block) {
        int n = frames - done < block ? frames - done : block;
        float *ins[2] = {in + done, NULL}, *outs[2] = {left + done, NULL};
        eb->processReplacing(eb, ins, outs, n);
    }
    report(memcmp(left, ref, sizeof(float) * frames) == 0 && rms(left, (size_t)frames) > 0,
           "NULL channel pointers: a missing input reads as silence, a missing output is skipped", "");
    stop(ea); stop(eb);
    free(in); free(ref); free(left);
}

typedef struct {
    Vst2Effect *effect;
    atomic_int stop;
    long changes;
} Automator;

static void *automate(void *arg) {
    Automator *a = arg;
    uint64_t s = 1234;
    while (!atomic_load(&a->stop)) {
        int index = (int)(uniform(&s) * P_COUNT);
        float v = (float)uniform(&s);
        if (a->changes % 97 == 0) v = NAN; /* hostile values are sanitised, never crash */
        if (a->changes % 89 == 0) v = 7.0f;
        if (index == P_LOOKAHEAD && a->changes % 5 != 0) index = P_SUPPRESSION;
        a->effect->setParameter(a->effect, index, v);
        (void)a->effect->getParameter(a->effect, (int)(uniform(&s) * P_COUNT));
        a->changes++;
        if (a->changes % 64 == 0) usleep(100);
    }
    return NULL;
}

static void test_automation(void) {
    const int channels = 2, frames = 4 * 48000;
    float *in = make_signal(channels, frames, 48000, 31);
    float *out = calloc((size_t)channels * frames, sizeof(float));
    Vst2Effect *e = start(&stereo, 48000, 256);
    Automator a = {e, 0, 0};
    pthread_t thread;
    pthread_create(&thread, NULL, automate, &a);
    int sizes[] = {256, 64, 200, 1};
    run_float(e, in, out, channels, frames, sizes, 4);
    atomic_store(&a.stop, 1);
    pthread_join(thread, NULL);
    int finite = all_finite(out, (size_t)channels * frames);
    float peak = 0;
    for (int i = 0; i < channels * frames; i++) peak = fmaxf(peak, fabsf(out[i]));
    char detail[160];
    snprintf(detail, sizeof detail, "%ld changes from another thread, finite %d, peak %g", a.changes, finite, peak);
    report(finite && a.changes > 100 && peak <= 1.0f, "automation from another thread while processing", detail);

    /* values read back as set (continuous parameters exactly, switches snapped) */
    e->setParameter(e, P_SUPPRESSION, 0.37f);
    e->setParameter(e, P_OUTPUT_GAIN, 0.25f);
    e->setParameter(e, P_BYPASS, 0.8f);
    snprintf(detail, sizeof detail, "suppression %f output %f bypass %f", get_param(e, P_SUPPRESSION),
             get_param(e, P_OUTPUT_GAIN), get_param(e, P_BYPASS));
    report(fabsf(get_param(e, P_SUPPRESSION) - 0.37f) < 1e-6f && fabsf(get_param(e, P_OUTPUT_GAIN) - 0.25f) < 2e-3f &&
               get_param(e, P_BYPASS) == 1.0f,
           "parameters read back as set (switches snap to 0/1)", detail);
    stop(e);
    free(in); free(out);
}

/* A parameter takes effect: output gain at its minimum (-24 dB) lowers the output by 24 dB. */
static void test_parameter_effect(void) {
    const int frames = 2 * 48000;
    float *in = make_signal(1, frames, 48000, 41);
    float *a = calloc(frames, sizeof(float)), *b = calloc(frames, sizeof(float));
    Vst2Effect *ea = start(&mono, 48000, 512), *eb = start(&mono, 48000, 512);
    eb->setParameter(eb, P_OUTPUT_GAIN, 0.0f);
    int sizes[] = {512};
    run_float(ea, in, a, 1, frames, sizes, 1);
    run_float(eb, in, b, 1, frames, sizes, 1);
    double db = 20 * log10(rms(b + 48000, 48000) / rms(a + 48000, 48000));
    char detail[64];
    snprintf(detail, sizeof detail, "%.3f dB", db);
    report(fabs(db + 24) < 0.05, "output gain 0.0 (= -24 dB) lowers the output by 24 dB", detail);
    stop(ea); stop(eb);
    free(in); free(a); free(b);
}

/* An impulse through the soft-bypassed plugin comes out exactly initialDelay samples later. Runs on its own
 * thread, as audio does in a host (the shim tells the host about latency changes only from other threads). */
typedef struct { Vst2Effect *e; int frames; int result; } ImpulseJob;
static int impulse_delay_here(Vst2Effect *e, int frames);
static void *impulse_thread(void *arg) {
    ImpulseJob *j = arg;
    j->result = impulse_delay_here(j->e, j->frames);
    return NULL;
}
static int impulse_delay(Vst2Effect *e, int frames) {
    ImpulseJob j = {e, frames, -1};
    pthread_t t;
    pthread_create(&t, NULL, impulse_thread, &j);
    pthread_join(t, NULL);
    return j.result;
}
static int impulse_delay_here(Vst2Effect *e, int frames) {
    float *in = calloc(frames, sizeof(float)), *out = calloc(frames, sizeof(float));
    in[1000] = 0.5f;
    int sizes[] = {480};
    run_float(e, in, out, 1, frames, sizes, 1);
    int at = -1;
    for (int i = 0; i < frames; i++) if (fabsf(out[i]) > 0.25f) { at = i - 1000; break; }
    free(in); free(out);
    return at;
}

static void test_latency(void) {
    Vst2Effect *e = start(&mono, 48000, 480);
    call(e, VST2_EFF_SET_BYPASS, 0, 1, NULL, 0);
    call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0);
    int before = e->initialDelay, delay20 = impulse_delay(e, 8000);
    int calls = atomic_load(&io_changed_calls);
    e->setParameter(e, P_LOOKAHEAD, 0.0f); /* 0 ms look-ahead: two hops less */
    int after = e->initialDelay, told = atomic_load(&io_changed_calls) - calls;
    call(e, VST2_EFF_MAINS_CHANGED, 0, 1, NULL, 0);
    int delay0 = impulse_delay(e, 8000);
    char detail[200];
    snprintf(detail, sizeof detail, "20 ms: initialDelay %d, impulse after %d; 0 ms: initialDelay %d, impulse after %d; "
             "IOChanged %d", before, delay20, after, delay0, told);
    report(before == 1920 && delay20 == before && after == 960 && delay0 == after && told >= 1,
           "latency: initialDelay is the real delay and follows look-ahead (host told via IOChanged)", detail);
    stop(e);
}

static void test_rates(void) {
    const double rates[] = {44100, 48000, 96000};
    for (int r = 0; r < 3; r++) {
        double rate = rates[r];
        int frames = (int)rate;
        Vst2Effect *e = start(&stereo, rate, 1024);
        float *in = make_signal(2, frames, rate, 51);
        float *out = calloc((size_t)2 * frames, sizeof(float));
        int sizes[] = {1024, 100};
        run_float(e, in, out, 2, frames, sizes, 2);
        double level = rms(out + frames / 2, (size_t)frames / 2);
        int latency = e->initialDelay;
        stop(e);
        Vst2Effect *m = start(&mono, rate, 480);
        call(m, VST2_EFF_SET_BYPASS, 0, 1, NULL, 0);
        int delay = impulse_delay(m, frames / 4);
        int mono_latency = m->initialDelay;
        stop(m);
        char name[96], detail[160];
        snprintf(name, sizeof name, "%.1f kHz: processes, latency exact", rate / 1000);
        snprintf(detail, sizeof detail, "rms %g, latency %d (mono %d), impulse after %d", level, latency, mono_latency, delay);
        double expected_ms = 40.0; /* (2 + 2) hops of 10 ms, plus resampler delay away from 48 kHz */
        double ms = 1000.0 * latency / rate;
        report(all_finite(out, (size_t)2 * frames) && level > 1e-4 && delay == mono_latency && latency == mono_latency &&
                   ms >= expected_ms && ms < expected_ms + 5,
               name, detail);
        free(in); free(out);
    }
    /* an unsupported rate passes audio through instead of failing */
    Vst2Effect *e = start(&mono, 384000, 256);
    float in[256], out[256];
    for (int i = 0; i < 256; i++) in[i] = (float)sin(i * 0.1) * 0.5f;
    e->processReplacing(e, (float *[]){in}, (float *[]){out}, 256);
    report(memcmp(in, out, sizeof in) == 0 && e->initialDelay == 0, "384 kHz (unsupported): passes audio through", "");
    stop(e);
}

static void test_chunks(void) {
    Vst2Effect *a = start(&stereo, 48000, 512), *b = start(&stereo, 48000, 512);
    float values[P_COUNT] = {0.73f, 0.2f, 0.5f, 0.9f, 1.0f, 0.0f, 1.0f};
    for (int i = 0; i < P_COUNT; i++) a->setParameter(a, i, values[i]);
    call(a, VST2_EFF_SET_PROGRAM_NAME, 0, 0, "Interview A", 0);
    void *data = NULL;
    intptr_t size = call(a, VST2_EFF_GET_CHUNK, 0, 0, &data, 0);
    unsigned char *copy = malloc((size_t)size);
    memcpy(copy, data, (size_t)size);
    intptr_t loaded = call(b, VST2_EFF_SET_CHUNK, 0, size, copy, 0);
    int same = loaded == 1;
    for (int i = 0; i < P_COUNT; i++) same = same && get_param(b, i) == get_param(a, i);
    char name[64];
    call(b, VST2_EFF_GET_PROGRAM_NAME, 0, 0, name, 0);
    void *data2 = NULL;
    intptr_t size2 = call(b, VST2_EFF_GET_CHUNK, 1, 0, &data2, 0);
    char detail[128];
    snprintf(detail, sizeof detail, "chunk %ld bytes, loaded %ld, name '%s'", (long)size, (long)loaded, name);
    report(size > 16 && same && strcmp(name, "Interview A") == 0 && size2 == size && memcmp(data2, copy, size) == 0,
           "chunk round trip: every parameter and the program name", detail);
    int lat_ok = b->initialDelay == 1440; /* look-ahead 0.5 = 10 ms restored from the chunk: 3 hops */
    snprintf(detail, sizeof detail, "initialDelay %d", b->initialDelay);
    report(lat_ok, "chunk with another look-ahead updates initialDelay", detail);

    /* 200 malformed chunks: each is refused and leaves the defaults of a fresh instance in place */
    Vst2Effect *c = start(&stereo, 48000, 512);
    float defaults[P_COUNT];
    for (int i = 0; i < P_COUNT; i++) defaults[i] = get_param(c, i);
    uint64_t s = 4242;
    int refused = 0, unchanged = 1;
    unsigned char *bad = malloc(70000);
    for (int k = 0; k < 200; k++) {
        intptr_t n;
        switch (k % 8) {
        case 0: /* random bytes, random length */
            n = 1 + (intptr_t)(uniform(&s) * 3000);
            for (intptr_t i = 0; i < n; i++) bad[i] = (unsigned char)(uniform(&s) * 256);
            break;
        case 1: /* truncated */
            n = (intptr_t)(uniform(&s) * (double)(size - 1)) + 1;
            memcpy(bad, copy, (size_t)n);
            if (n == size) n--;
            break;
        case 2: /* one flipped bit */
            n = size;
            memcpy(bad, copy, (size_t)n);
            bad[(size_t)(uniform(&s) * (double)size)] ^= (unsigned char)(1u << (int)(uniform(&s) * 8));
            break;
        case 3: /* foreign magic with a valid-looking body */
            n = size;
            memcpy(bad, copy, (size_t)n);
            memcpy(bad, "CcnK", 4);
            break;
        case 4: /* valid chunk followed by garbage */
            n = size + 1 + (intptr_t)(uniform(&s) * 50);
            memcpy(bad, copy, (size_t)size);
            for (intptr_t i = size; i < n; i++) bad[i] = (unsigned char)(uniform(&s) * 256);
            break;
        case 5: /* JSON-looking text */
            n = snprintf((char *)bad, 1000, "{\"format\":\"percepnet4j-preset\",\"version\":%d,\"x\":[%f]}",
                         (int)(uniform(&s) * 5), uniform(&s));
            break;
        case 6: /* oversize (larger than any valid chunk) */
            n = 20000 + (intptr_t)(uniform(&s) * 49000);
            memset(bad, 0x50, (size_t)n);
            break;
        default: /* random bytes after a correct magic and version */
            n = 8 + (intptr_t)(uniform(&s) * 200);
            memcpy(bad, copy, 6);
            for (intptr_t i = 6; i < n; i++) bad[i] = (unsigned char)(uniform(&s) * 256);
            break;
        }
        if (call(c, VST2_EFF_SET_CHUNK, k & 1, n, bad, 0) == 0) refused++;
        for (int i = 0; i < P_COUNT; i++) unchanged = unchanged && get_param(c, i) == defaults[i];
    }
    /* degenerate arguments */
    if (call(c, VST2_EFF_SET_CHUNK, 0, 100, NULL, 0) == 0) refused++;
    if (call(c, VST2_EFF_SET_CHUNK, 0, 0, bad, 0) == 0) refused++;
    if (call(c, VST2_EFF_SET_CHUNK, 0, -5, bad, 0) == 0) refused++;
    if (call(c, VST2_EFF_SET_CHUNK, 0, (intptr_t)1 << 40, bad, 0) == 0) refused++;
    float in[2][256], out[2][256];
    memset(in, 0, sizeof in);
    c->processReplacing(c, (float *[]){in[0], in[1]}, (float *[]){out[0], out[1]}, 256);
    snprintf(detail, sizeof detail, "%d of 204 refused, parameters unchanged %d", refused, unchanged);
    report(refused == 204 && unchanged, "200 random malformed chunks (+4 degenerate): refused, defaults kept", detail);
    free(bad); free(copy);
    stop(a); stop(b); stop(c);
}

typedef struct {
    Plugin *plugin;
    int channels;
    const float *in;
    float *out;
    int frames;
    uint64_t seed;
} Job;

static void *run_job(void *arg) {
    Job *j = arg;
    Vst2Effect *e = start(j->plugin, 48000, 4096);
    int sizes[64];
    uint64_t s = j->seed;
    for (int i = 0; i < 64; i++) sizes[i] = 1 + (int)(uniform(&s) * 4096);
    run_float(e, j->in, j->out, j->channels, j->frames, sizes, 64);
    stop(e);
    return NULL;
}

static void test_many_instances(void) {
    const int frames = 2 * 48000;
    float *in1 = make_signal(1, frames, 48000, 61), *in2 = make_signal(2, frames, 48000, 62);
    float *ref1 = calloc(frames, sizeof(float)), *ref2 = calloc((size_t)2 * frames, sizeof(float));
    Job r1 = {&mono, 1, in1, ref1, frames, 1}, r2 = {&stereo, 2, in2, ref2, frames, 2};
    run_job(&r1);
    run_job(&r2);
    Job jobs[8];
    pthread_t threads[8];
    for (int i = 0; i < 8; i++) {
        int ch = i % 2 ? 2 : 1;
        jobs[i] = (Job){ch == 1 ? &mono : &stereo, ch, ch == 1 ? in1 : in2, calloc((size_t)ch * frames, sizeof(float)),
                        frames, 100 + (uint64_t)i};
        pthread_create(&threads[i], NULL, run_job, &jobs[i]);
    }
    int same = 1;
    for (int i = 0; i < 8; i++) {
        pthread_join(threads[i], NULL);
        same = same && memcmp(jobs[i].out, jobs[i].channels == 1 ? ref1 : ref2,
                              sizeof(float) * jobs[i].channels * frames) == 0;
        free(jobs[i].out);
    }
    report(same, "8 instances at once on 8 threads (mono and stereo): each equals a lone instance", "");
    free(in1); free(in2); free(ref1); free(ref2);
}

static void test_unload_reload(void) {
    dlclose(mono.library);
    dlclose(stereo.library);
    char why[4400] = "";
    int ok = load_plugin(bundle_dir, "mono", &mono, why, sizeof why) == 0 &&
             load_plugin(bundle_dir, "stereo", &stereo, why, sizeof why) == 0;
    Vst2Effect *e = ok ? start(&stereo, 48000, 512) : NULL;
    float in[2][512], out[2][512];
    for (int i = 0; i < 512; i++) in[0][i] = in[1][i] = 0.1f * (float)sin(i * 0.05);
    if (e) {
        for (int k = 0; k < 20; k++) e->processReplacing(e, (float *[]){in[0], in[1]}, (float *[]){out[0], out[1]}, 512);
    }
    report(e != NULL && all_finite(out[0], 512), "unload (dlclose) and reload: instantiates and processes again", why);
    if (e) stop(e);
}

/* JNI hygiene under -Xcheck:jni: many non-audio calls from one attached host thread must not pile up local refs. */
static void test_many_calls(void) {
    Vst2Effect *e = start(&stereo, 48000, 512);
    char text[128];
    void *data;
    for (int k = 0; k < 20000; k++) {
        int i = k % P_COUNT;
        call(e, VST2_EFF_GET_PARAM_DISPLAY, i, 0, text, 0);
        call(e, VST2_EFF_GET_PARAM_NAME, i, 0, text, 0);
        if (k % 10 == 0) {
            intptr_t n = call(e, VST2_EFF_GET_CHUNK, 0, 0, &data, 0);
            call(e, VST2_EFF_SET_CHUNK, 0, n, data, 0);
        }
        e->setParameter(e, P_SUPPRESSION, (float)(k % 100) / 100.0f);
    }
    report(1, "20000 text/chunk/parameter calls from one host thread", "");
    stop(e);
}


/* Run without DISPLAY (run-native-tests.sh unsets it): no hasEditor flag, and the editor opcodes answer 0. */
static void test_no_display_no_editor(void) {
    Vst2Effect *e = start(&stereo, 48000, 512);
    Vst2Rect *rect = (Vst2Rect *)&rect; /* must be overwritten */
    intptr_t got_rect = call(e, VST2_EFF_EDIT_GET_RECT, 0, 0, &rect, 0);
    intptr_t opened = call(e, VST2_EFF_EDIT_OPEN, 0, 0, (void *)(uintptr_t)0x1234, 0);
    intptr_t closed = call(e, VST2_EFF_EDIT_CLOSE, 0, 0, NULL, 0);
    intptr_t idle = call(e, VST2_EFF_EDIT_IDLE, 0, 0, NULL, 0);
    char detail[160];
    snprintf(detail, sizeof detail, "flags %x, getRect %ld (rect %p), open %ld, close %ld, idle %ld", e->flags,
             (long)got_rect, (void *)rect, (long)opened, (long)closed, (long)idle);
    report(!(e->flags & VST2_FLAG_HAS_EDITOR) && got_rect == 0 && rect == NULL && opened == 0 && closed == 0 && idle == 0,
           "no DISPLAY: no hasEditor flag, editor opcodes answer 0 (hosts show generic controls)", detail);
    stop(e);
}

/* 1 when a line of the log file at path contains both a and b. */
static int log_has_line(const char *path, const char *a, const char *b) {
    FILE *f = fopen(path, "r");
    if (!f) return 0;
    char line[2048];
    int found = 0;
    while (!found && fgets(line, sizeof line, f)) found = strstr(line, a) && strstr(line, b);
    fclose(f);
    return found;
}

/* Waits for the child pid; the test passes when it exited 0 and its log has a line containing both a and b. */
static void report_child_and_log(pid_t pid, const char *log_path, const char *a, const char *b, const char *name) {
    int status = 0;
    waitpid(pid, &status, 0);
    int logged = log_has_line(log_path, a, b);
    char detail[4400];
    snprintf(detail, sizeof detail, "child exit %d, log line found %d (%s)", WIFEXITED(status) ? WEXITSTATUS(status) : -1,
             logged, log_path);
    report(WIFEXITED(status) && WEXITSTATUS(status) == 0 && logged, name, detail);
}

/* In a child process that has no JVM yet: a bundle whose Java cannot start is refused with a logged reason. */
static void test_refusal(const char *broken_dir) {
    pid_t pid = fork();
    if (pid == 0) {
        Plugin p;
        char why[4400];
        if (load_plugin(broken_dir, "mono", &p, why, sizeof why) != 0) _exit(3);
        Vst2Effect *e = p.entry(host_callback);
        _exit(e == NULL ? 0 : 2);
    }
    char log_path[4200];
    snprintf(log_path, sizeof log_path, "%s/percepnet4j-mono.log", broken_dir);
    report_child_and_log(pid, log_path, "refusing to load the plugin", "cannot be loaded",
                         "Java cannot start (jvm= names a missing libjvm): entry returns NULL and the log says why");
}

/* In a child process: a JVM already runs in the host (started here with an unrelated class path, as another Java
 * plugin or a Java host would); the plugin must join it, load its own jars and work. */
typedef jint (*CreateVm)(JavaVM **, void **, void *);
static void test_join_existing_jvm(const char *libjvm) {
    pid_t pid = fork();
    if (pid == 0) {
        void *jvm = dlopen(libjvm, RTLD_NOW | RTLD_LOCAL);
        CreateVm create = jvm ? (CreateVm)dlsym(jvm, "JNI_CreateJavaVM") : NULL;
        if (!create) _exit(3);
        JavaVMOption options[2] = {{"-Djava.class.path=/nonexistent-host-classes", NULL}, {"-Xrs", NULL}};
        JavaVMInitArgs args = {JNI_VERSION_1_8, 2, options, JNI_FALSE};
        JavaVM *vm;
        JNIEnv *env;
        if (create(&vm, (void **)&env, &args) != JNI_OK) _exit(4);
        Plugin p;
        char why[4400];
        if (load_plugin(bundle_dir, "stereo", &p, why, sizeof why) != 0) _exit(5);
        Vst2Effect *e = start(&p, 48000, 256);
        if (!e) _exit(6);
        float in[2][256], out[2][256];
        for (int i = 0; i < 256; i++) in[0][i] = in[1][i] = 0.2f * (float)sin(i * 0.07);
        for (int k = 0; k < 50; k++) e->processReplacing(e, (float *[]){in[0], in[1]}, (float *[]){out[0], out[1]}, 256);
        int ok = all_finite(out[0], 256) && e->numParams == P_COUNT;
        stop(e);
        _exit(ok ? 0 : 7);
    }
    int status = 0;
    waitpid(pid, &status, 0);
    char detail[64];
    snprintf(detail, sizeof detail, "child exit %d", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
    report(WIFEXITED(status) && WEXITSTATUS(status) == 0,
           "joins a JVM the host already runs (other class path): loads its jars and processes", detail);
}

static double now_seconds(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static int bench(const char *dir, long calls) {
    char why[4400];
    Plugin p;
    if (load_plugin(dir, "stereo", &p, why, sizeof why) != 0) { fprintf(stderr, "%s\n", why); return 1; }
    Vst2Effect *e = start(&p, 48000, 512);
    if (!e) { fprintf(stderr, "plugin refused to load\n"); return 1; }
    float in[2][64], out[2][64];
    memset(in, 0, sizeof in);
    float *ins[2] = {in[0], in[1]}, *outs[2] = {out[0], out[1]};
    for (long i = 0; i < 200000; i++) e->processReplacing(e, ins, outs, 0); /* JIT warm-up */
    double best = 1e9, sum = 0;
    for (int round = 0; round < 5; round++) {
        double t0 = now_seconds();
        for (long i = 0; i < calls; i++) e->processReplacing(e, ins, outs, 0);
        double per = (now_seconds() - t0) / calls * 1e9;
        best = per < best ? per : best;
        sum += per;
    }
    printf("bridge round trip, processReplacing with 0 frames (native -> Java -> Processor.process(n=0) -> native): "
           "best %.0f ns/call, mean %.0f ns/call over 5 x %ld calls\n", best, sum / 5, calls);
    double t0 = now_seconds();
    for (long i = 0; i < calls / 10; i++) e->setParameter(e, P_SUPPRESSION, 0.5f);
    printf("setParameter from the host thread: %.0f ns/call\n", (now_seconds() - t0) / (calls / 10) * 1e9);
    t0 = now_seconds();
    for (long i = 0; i < calls / 10; i++) (void)e->getParameter(e, P_SUPPRESSION);
    printf("getParameter from the host thread: %.0f ns/call\n", (now_seconds() - t0) / (calls / 10) * 1e9);
    stop(e);
    return 0;
}

/* Renders raw float32 mono through the plugin, latency removed (a debugging aid for host comparisons). */
static int render(const char *dir, const char *in_path, const char *out_path, double rate, int block) {
    char why[4400];
    Plugin p;
    if (load_plugin(dir, "mono", &p, why, sizeof why) != 0) { fprintf(stderr, "%s\n", why); return 1; }
    FILE *f = fopen(in_path, "rb");
    if (!f) return 1;
    fseek(f, 0, SEEK_END);
    long frames = ftell(f) / 4;
    fseek(f, 0, SEEK_SET);
    Vst2Effect *e = start(&p, rate, block);
    if (!e) return 1;
    int latency = e->initialDelay;
    float *x = calloc((size_t)(frames + latency), sizeof(float)), *y = calloc((size_t)(frames + latency), sizeof(float));
    if (fread(x, 4, (size_t)frames, f) != (size_t)frames) return 1;
    fclose(f);
    int sizes[] = {block};
    run_float(e, x, y, 1, (int)(frames + latency), sizes, 1);
    f = fopen(out_path, "wb");
    fwrite(y + latency, 4, (size_t)frames, f);
    fclose(f);
    stop(e);
    return 0;
}

/* ---- editor (test_host --editor, run under a private Xvfb by run-native-tests.sh) ----------------------------------
 * A host's side of effEditOpen: create an X11 parent window, pass its id, and watch with XQueryTree what the plugin puts
 * into it. User gestures are made inside the editor through EditorDriver (test classes, called via JNI), so the editor
 * model, the gesture listener, the shim's native callback and this host callback all run for real. */
#ifdef HAVE_X11
#include <X11/Xlib.h>
#include <X11/Xutil.h>
#include <link.h>

/* Polls a condition every 50 ms up to `seconds`: waits for outcomes, not for fixed times (the machine may be loaded). */
#define WAIT_UNTIL(cond, seconds)                                                      \
    ({                                                                                 \
        double until_ = now_seconds() + (seconds);                                     \
        int ok_;                                                                       \
        while (!(ok_ = (cond)) && now_seconds() < until_) usleep(50000);              \
        ok_;                                                                           \
    })

static Display *x_display;
static char out_dir[4096];

/* The plugin may leave X requests about windows that are gone (the destroyed-parent test): count, never exit. */
static int x_errors;
static int ignore_x_error(Display *d, XErrorEvent *e) {
    (void)d; (void)e;
    x_errors++;
    return 0;
}

static Window make_parent(int width, int height) {
    Window w = XCreateSimpleWindow(x_display, DefaultRootWindow(x_display), 0, 0, (unsigned)width, (unsigned)height, 0,
                                   0, 0xffffff);
    XStoreName(x_display, w, "percepnet4j test host: editor parent");
    XMapWindow(x_display, w);
    XSync(x_display, False);
    return w;
}

static int viewable_children_grabbed(Window w, XWindowAttributes *attrs) {
    Window root, parent, *children = NULL;
    unsigned n = 0;
    if (!XQueryTree(x_display, w, &root, &parent, &children, &n)) return -1;
    int count = 0;
    for (unsigned i = 0; i < n; i++) {
        XWindowAttributes a;
        if (XGetWindowAttributes(x_display, children[i], &a) && a.map_state == IsViewable) {
            if (count == 0 && attrs) *attrs = a;
            count++;
        }
    }
    if (children) XFree(children);
    return count;
}

/* Viewable children of `w` (-1 if `w` is gone); the first one's attributes into *attrs. The server is grabbed so that
 * the plugin cannot destroy a child between XQueryTree and XGetWindowAttributes: the resulting X error would go to
 * AWT's process-wide error handler (installed over ours when the editor's toolkit starts), on this thread. */
static int viewable_children(Window w, XWindowAttributes *attrs) {
    XGrabServer(x_display);
    int count = viewable_children_grabbed(w, attrs);
    XUngrabServer(x_display);
    XSync(x_display, False);
    return count;
}

/* Saves `w` as a binary PPM and returns the fraction of pixels that differ from the parent's white background. */
static double screenshot(Window w, int width, int height, const char *path) {
    XImage *img = XGetImage(x_display, w, 0, 0, (unsigned)width, (unsigned)height, AllPlanes, ZPixmap);
    if (!img) return 0;
    FILE *f = path ? fopen(path, "wb") : NULL;
    if (f) fprintf(f, "P6\n%d %d\n255\n", width, height);
    long differ = 0;
    for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
            unsigned long px = XGetPixel(img, x, y);
            unsigned char rgb[3] = {(unsigned char)((px & img->red_mask) >> 16), (unsigned char)((px & img->green_mask) >> 8),
                                    (unsigned char)(px & img->blue_mask)};
            if (f) fwrite(rgb, 1, 3, f);
            if (rgb[0] != 255 || rgb[1] != 255 || rgb[2] != 255) differ++;
        }
    }
    if (f) fclose(f);
    XDestroyImage(img);
    return (double)differ / ((double)width * height);
}

/* ---- EditorDriver through JNI ---- */
static JNIEnv *jenv;
static jclass driver;
static jmethodID driver_click, driver_state, driver_slider, driver_count, driver_png;

static int find_libjvm(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    if (info->dlpi_name && strstr(info->dlpi_name, "/libjvm.so")) {
        snprintf(data, 4096, "%s", info->dlpi_name);
        return 1;
    }
    return 0;
}

typedef jint (*GetCreatedVms)(JavaVM **, jsize, jsize *);
static int driver_init(char *why, size_t why_size) {
    char path[4096] = "";
    dl_iterate_phdr(find_libjvm, path);
    void *jvm = path[0] ? dlopen(path, RTLD_NOW | RTLD_NOLOAD) : NULL;
    GetCreatedVms get = jvm ? (GetCreatedVms)dlsym(jvm, "JNI_GetCreatedJavaVMs") : NULL;
    JavaVM *vm = NULL;
    jsize n = 0;
    if (!get || get(&vm, 1, &n) != JNI_OK || n < 1) {
        snprintf(why, why_size, "no JVM found in this process (libjvm '%s')", path);
        return -1;
    }
    if ((*vm)->GetEnv(vm, (void **)&jenv, JNI_VERSION_1_8) != JNI_OK &&
        (*vm)->AttachCurrentThread(vm, (void **)&jenv, NULL) != JNI_OK) {
        snprintf(why, why_size, "cannot attach to the JVM");
        return -1;
    }
    jclass c = (*jenv)->FindClass(jenv, "org/percepnet4j/vst/testing/EditorDriver");
    if (!c || (*jenv)->ExceptionCheck(jenv)) {
        (*jenv)->ExceptionClear(jenv);
        snprintf(why, why_size, "EditorDriver not on the JVM's class path");
        return -1;
    }
    driver = (*jenv)->NewGlobalRef(jenv, c);
    (*jenv)->DeleteLocalRef(jenv, c);
    driver_click = (*jenv)->GetStaticMethodID(jenv, driver, "clickToggle", "(ILjava/lang/String;)I");
    driver_state = driver_click ? (*jenv)->GetStaticMethodID(jenv, driver, "toggleState", "(ILjava/lang/String;)I") : NULL;
    driver_slider = driver_state ? (*jenv)->GetStaticMethodID(jenv, driver, "setSlider", "(ILjava/lang/String;D)I") : NULL;
    driver_count = driver_slider ? (*jenv)->GetStaticMethodID(jenv, driver, "showingEditors", "()I") : NULL;
    driver_png = driver_count ? (*jenv)->GetStaticMethodID(jenv, driver, "ppmToPng",
                                                          "(Ljava/lang/String;Ljava/lang/String;)I") : NULL;
    if (!driver_png || (*jenv)->ExceptionCheck(jenv)) {
        (*jenv)->ExceptionClear(jenv);
        snprintf(why, why_size, "EditorDriver lacks a method");
        return -1;
    }
    return 0;
}

static int driver_call(jmethodID m, int which, const char *key, double value) {
    jstring k = key ? (*jenv)->NewStringUTF(jenv, key) : NULL;
    jint r = m == driver_count    ? (*jenv)->CallStaticIntMethod(jenv, driver, m)
             : m == driver_slider ? (*jenv)->CallStaticIntMethod(jenv, driver, m, (jint)which, k, (jdouble)value)
                                  : (*jenv)->CallStaticIntMethod(jenv, driver, m, (jint)which, k);
    if ((*jenv)->ExceptionCheck(jenv)) {
        (*jenv)->ExceptionDescribe(jenv);
        (*jenv)->ExceptionClear(jenv);
        r = -1;
    }
    if (k) (*jenv)->DeleteLocalRef(jenv, k);
    return r;
}

static int showing_editors(void) { return driver_call(driver_count, 0, NULL, 0); }

/* ---- gestures seen by the host ---- */
static int gesture_mark(void) {
    pthread_mutex_lock(&gesture_lock);
    int n = gesture_count;
    pthread_mutex_unlock(&gesture_lock);
    return n;
}

/* BeginEdit, then Automate (the last one before EndEdit is returned), then EndEdit for (e, index) since `from`. */
static int gesture_sequence(int from, Vst2Effect *e, int32_t index, Gesture *automate) {
    int stage = 0;
    pthread_mutex_lock(&gesture_lock);
    for (int i = from; i < gesture_count && stage < 3; i++) {
        Gesture *g = &gestures[i];
        if (g->effect != e || g->index != index) continue;
        if (stage == 0 && g->opcode == VST2_HOST_BEGIN_EDIT) stage = 1;
        else if (stage >= 1 && g->opcode == VST2_HOST_AUTOMATE) { *automate = *g; stage = 2; }
        else if (stage == 2 && g->opcode == VST2_HOST_END_EDIT) stage = 3;
    }
    pthread_mutex_unlock(&gesture_lock);
    return stage == 3;
}

static int gestures_for(int from, Vst2Effect *e) {
    int n = 0;
    pthread_mutex_lock(&gesture_lock);
    for (int i = from; i < gesture_count; i++) n += gestures[i].effect == e;
    pthread_mutex_unlock(&gesture_lock);
    return n;
}

static intptr_t edit_open(Vst2Effect *e, Window w) {
    return call(e, VST2_EFF_EDIT_OPEN, 0, (intptr_t)x_display, (void *)(uintptr_t)w, 0);
}

/* Opens the editor in `w` and waits for the embedded child (60 s: the first open starts Swing on a loaded machine). */
static int open_embedded(Vst2Effect *e, Window w) {
    return edit_open(e, w) == 1 && WAIT_UNTIL(viewable_children(w, NULL) >= 1, 60);
}

static int close_embedded(Vst2Effect *e, Window w) {
    return call(e, VST2_EFF_EDIT_CLOSE, 0, 0, NULL, 0) == 1 && WAIT_UNTIL(viewable_children(w, NULL) == 0, 60);
}

static void test_editor(const char *no_editor_dir) {
    char why[4400] = "", detail[512] = "";
    if (load_plugin(bundle_dir, "mono", &mono, why, sizeof why) != 0 ||
        load_plugin(bundle_dir, "stereo", &stereo, why, sizeof why) != 0) {
        report(0, "editor: load the bundle", why);
        return;
    }
    Vst2Effect *a = start(&stereo, 48000, 512);
    snprintf(detail, sizeof detail, "flags %x", a ? a->flags : 0);
    report(a && (a->flags & VST2_FLAG_HAS_EDITOR), "editor: with a display the plugin reports an editor (hasEditor)",
           detail);
    if (!a || !(a->flags & VST2_FLAG_HAS_EDITOR)) return;
    if (driver_init(why, sizeof why) != 0) {
        report(0, "editor: reach EditorDriver in the plugin's JVM", why);
        return;
    }

    /* effEditGetRect before open, as hosts do to size their window */
    Vst2Rect *rect = NULL;
    intptr_t got = call(a, VST2_EFF_EDIT_GET_RECT, 0, 0, &rect, 0);
    int width = rect ? rect->right - rect->left : 0, height = rect ? rect->bottom - rect->top : 0;
    snprintf(detail, sizeof detail, "answer %ld, %dx%d", (long)got, width, height);
    int rect_ok = got == 1 && rect && width >= 200 && height >= 150 && width < 4000 && height < 4000;
    report(rect_ok, "editor: effEditGetRect answers the panel's preferred size", detail);
    if (!rect_ok) width = 900, height = 600;

    Window w1 = make_parent(width, height);
    double t0 = now_seconds();
    intptr_t opened = edit_open(a, w1);
    XWindowAttributes child;
    memset(&child, 0, sizeof child);
    /* the child may show at 1x1 first and get its size a moment later: wait for the outcome */
    int embedded = opened == 1 && WAIT_UNTIL(viewable_children(w1, &child) >= 1 && child.width == width &&
                                                 child.height == height, 60);
    snprintf(detail, sizeof detail, "open %ld, child %dx%d after %.1f s, editors showing %d", (long)opened, child.width,
             child.height, now_seconds() - t0, showing_editors());
    report(embedded && child.width == width && child.height == height && showing_editors() == 1,
           "editor: effEditOpen embeds the editor as a child of the host's window (XQueryTree), at the GetRect size",
           detail);
    Vst2Rect *rect2 = NULL;
    report(call(a, VST2_EFF_EDIT_GET_RECT, 0, 0, &rect2, 0) == 1 && rect2 && rect2->right == rect->right &&
               rect2->bottom == rect->bottom, "editor: effEditGetRect while open answers the same size", "");
    call(a, VST2_EFF_EDIT_IDLE, 0, 0, NULL, 0);

    char shot[4200];
    snprintf(shot, sizeof shot, "%s/editor-embedded.ppm", out_dir);
    double painted = 0;
    WAIT_UNTIL((painted = screenshot(w1, width, height, NULL)) > 0.5, 30);
    screenshot(w1, width, height, shot);
    char png[4200];
    snprintf(png, sizeof png, "%s/editor-embedded.png", out_dir);
    jstring from = (*jenv)->NewStringUTF(jenv, shot), to = (*jenv)->NewStringUTF(jenv, png);
    jint converted = (*jenv)->CallStaticIntMethod(jenv, driver, driver_png, from, to);
    if ((*jenv)->ExceptionCheck(jenv)) (*jenv)->ExceptionClear(jenv);
    (*jenv)->DeleteLocalRef(jenv, from);
    (*jenv)->DeleteLocalRef(jenv, to);
    if (converted == 1) {
        unlink(shot);
        snprintf(shot, sizeof shot, "%s", png);
    }
    snprintf(detail, sizeof detail, "%.0f%% of the host window's pixels differ from its background (%s)", painted * 100,
             shot);
    report(painted > 0.5, "editor: the editor paints inside the host's window (screenshot)", detail);

    /* a user gesture in the editor reaches the host: BeginEdit, Automate, EndEdit from the editor's thread */
    Gesture g = {0};
    int mark = gesture_mark();
    int clicked = driver_call(driver_click, 0, "bypass", 0);
    int sequence = clicked == 1 && WAIT_UNTIL(gesture_sequence(mark, a, P_BYPASS, &g), 30);
    snprintf(detail, sizeof detail, "clicked %d, sequence %d, Automate value %g, getParameter inside Automate %g, "
             "on the main thread %d", clicked, sequence, g.value, g.reread, sequence && pthread_equal(g.thread, pthread_self()));
    report(sequence && g.value == 1.0f && g.reread == 1.0f && !pthread_equal(g.thread, pthread_self()) &&
               get_param(a, P_BYPASS) == 1.0f,
           "editor: clicking Bypass sends BeginEdit, Automate(1.0), EndEdit; getParameter inside Automate reads 1.0",
           detail);
    mark = gesture_mark();
    int moved = driver_call(driver_slider, 0, "suppression", 20.0);
    sequence = moved == 1 && WAIT_UNTIL(gesture_sequence(mark, a, P_SUPPRESSION, &g), 30);
    snprintf(detail, sizeof detail, "moved %d, sequence %d, Automate value %g, reread %g, getParameter %g", moved,
             sequence, g.value, g.reread, get_param(a, P_SUPPRESSION));
    report(sequence && fabsf(g.value - 0.2f) < 1e-4f && fabsf(g.reread - 0.2f) < 1e-4f &&
               fabsf(get_param(a, P_SUPPRESSION) - 0.2f) < 1e-4f,
           "editor: moving the Suppression slider to 20 dB automates 0.2 through the host", detail);
    a->setParameter(a, P_BYPASS, 0.0f);
    int follows = WAIT_UNTIL(driver_call(driver_state, 0, "bypass", 0) == 0, 30);
    report(follows, "editor: host automation (setParameter) shows in the open editor", "");

    int closed = close_embedded(a, w1);
    report(closed && showing_editors() == 0, "editor: effEditClose removes the child window", "");

    int cycles = 0;
    for (int k = 0; k < 3; k++) cycles += open_embedded(a, w1) && close_embedded(a, w1);
    snprintf(detail, sizeof detail, "%d of 3 cycles", cycles);
    report(cycles == 3, "editor: open and close 3 more times in the same host window", detail);

    /* two instances, two host windows, both open at once */
    Vst2Effect *b = start(&mono, 48000, 512);
    Window w2 = make_parent(width, height);
    int both = open_embedded(a, w1) && open_embedded(b, w2) && showing_editors() == 2;
    mark = gesture_mark();
    int clicks = driver_call(driver_click, 0, "bypass", 0) + driver_call(driver_click, 1, "bypass", 0);
    Gesture ga = {0}, gb = {0};
    int each = clicks == 2 && WAIT_UNTIL(gesture_sequence(mark, a, P_BYPASS, &ga) && gesture_sequence(mark, b, P_BYPASS, &gb), 30);
    int closed_both = close_embedded(a, w1) && close_embedded(b, w2) && showing_editors() == 0;
    snprintf(detail, sizeof detail, "both open %d, gestures for each instance %d, both closed %d", both, each, closed_both);
    report(both && each && closed_both, "editor: 2 instances open at once, each one's gestures reach its own effect",
           detail);

    /* effClose while the editor is open closes it first, and nothing calls the host for it afterwards */
    int open_again = open_embedded(a, w1);
    stop(a);
    int after_close = gesture_mark();
    int gone = WAIT_UNTIL(viewable_children(w1, NULL) == 0, 60) && showing_editors() == 0;
    snprintf(detail, sizeof detail, "opened %d, child gone and no editor showing %d", open_again, gone);
    report(open_again && gone, "editor: effClose with the editor open closes the editor", detail);

    /* the floating fallback: a host that gives no parent window */
    intptr_t floating = call(b, VST2_EFF_EDIT_OPEN, 0, 0, NULL, 0);
    int shows = floating == 1 && WAIT_UNTIL(showing_editors() == 1, 60);
    mark = gesture_mark();
    int fclick = shows && driver_call(driver_click, 0, "bypass", 0) == 1 && WAIT_UNTIL(gesture_sequence(mark, b, P_BYPASS, &g), 30);
    int fclosed = call(b, VST2_EFF_EDIT_CLOSE, 0, 0, NULL, 0) == 1 && WAIT_UNTIL(showing_editors() == 0, 60);
    snprintf(detail, sizeof detail, "open %ld, showing %d, gesture %d, closed %d", (long)floating, shows, fclick, fclosed);
    report(shows && fclick && fclosed, "editor: no parent window given: a floating editor window opens, works and closes",
           detail);

    /* a host that destroys its window before effEditClose: no crash, and the next open works */
    Window w3 = make_parent(width, height);
    int opened3 = open_embedded(b, w3);
    XDestroyWindow(x_display, w3);
    XSync(x_display, False);
    call(b, VST2_EFF_EDIT_CLOSE, 0, 0, NULL, 0);
    Window w4 = make_parent(width, height);
    int reopened = open_embedded(b, w4) && close_embedded(b, w4);
    snprintf(detail, sizeof detail, "opened %d, reopened in a new window %d", opened3, reopened);
    report(opened3 && reopened, "editor: the host destroys its window before effEditClose: no crash, next open works",
           detail);
    stop(b);
    snprintf(detail, sizeof detail, "editors showing %d, host calls for the closed instance %d, X errors seen by the host %d",
             showing_editors(), gestures_for(after_close, a), x_errors);
    report(showing_editors() == 0 && gestures_for(after_close, a) == 0,
           "editor: all closed, no host call for a closed instance", detail);

    /* editor=false in the config: no editor even with a display */
    if (no_editor_dir) {
        Plugin off;
        Vst2Effect *e = load_plugin(no_editor_dir, "stereo", &off, why, sizeof why) == 0 ? start(&off, 48000, 512) : NULL;
        Vst2Rect *r = NULL;
        int none = e && !(e->flags & VST2_FLAG_HAS_EDITOR) && call(e, VST2_EFF_EDIT_GET_RECT, 0, 0, &r, 0) == 0 &&
                   call(e, VST2_EFF_EDIT_OPEN, 0, 0, (void *)(uintptr_t)w1, 0) == 0;
        snprintf(detail, sizeof detail, "flags %x %s", e ? e->flags : 0, why);
        report(none, "editor: editor=false in the config: no editor even with a display", detail);
        if (e) stop(e);
    }
    XDestroyWindow(x_display, w1);
    XDestroyWindow(x_display, w2);
    XDestroyWindow(x_display, w4);
    XSync(x_display, False);
}

/* In a child process: the host already runs a JVM made without the plugin's --add-exports (and with only the test
 * classes on its class path, for EditorDriver), so the embedding frame is not accessible: the editor must open as a
 * floating window instead, and the log must say so. */
static void test_editor_without_export(const char *test_classes, const char *log_path) {
    pid_t pid = fork();
    if (pid == 0) {
        char path[4096] = "";
        char cp[4200];
        snprintf(cp, sizeof cp, "-Djava.class.path=%s", test_classes);
        const char *java_home = getenv("EDITOR_TEST_LIBJVM");
        snprintf(path, sizeof path, "%s", java_home ? java_home : "");
        void *jvm = dlopen(path, RTLD_NOW | RTLD_LOCAL);
        CreateVm create = jvm ? (CreateVm)dlsym(jvm, "JNI_CreateJavaVM") : NULL;
        if (!create) _exit(3);
        JavaVMOption options[2] = {{cp, NULL}, {"-Xrs", NULL}};
        JavaVMInitArgs args = {JNI_VERSION_1_8, 2, options, JNI_FALSE};
        JavaVM *vm;
        JNIEnv *env;
        if (create(&vm, (void **)&env, &args) != JNI_OK) _exit(4);
        x_display = XOpenDisplay(NULL);
        if (!x_display) _exit(5);
        XSetErrorHandler(ignore_x_error);
        Plugin p;
        char why[4400];
        if (load_plugin(bundle_dir, "stereo", &p, why, sizeof why) != 0) _exit(6);
        Vst2Effect *e = start(&p, 48000, 256);
        if (!e || !(e->flags & VST2_FLAG_HAS_EDITOR)) _exit(7);
        if (driver_init(why, sizeof why) != 0) _exit(8);
        Window w = make_parent(800, 500);
        if (edit_open(e, w) != 1) _exit(9);
        if (!WAIT_UNTIL(showing_editors() == 1, 60)) _exit(10);
        if (viewable_children(w, NULL) != 0) _exit(11); /* floating, not embedded */
        if (call(e, VST2_EFF_EDIT_CLOSE, 0, 0, NULL, 0) != 1 || !WAIT_UNTIL(showing_editors() == 0, 60)) _exit(12);
        stop(e);
        _exit(0);
    }
    report_child_and_log(pid, log_path, "cannot embed the editor", "floating",
                         "editor: JVM started by the host without the export: falls back to a floating window, logged");
}

/*
 * XOpenDisplay with retries for up to 10 s: on a loaded machine the private Xvfb can refuse a connection for a
 * moment right after a client (the forked child of the previous test) went away; seen once in a CI-like run.
 */
static Display *open_display_patiently(void) {
    for (int attempt = 0; attempt < 100; attempt++) {
        Display *d = XOpenDisplay(NULL);
        if (d) return d;
        usleep(100 * 1000);
    }
    return NULL;
}

static int editor_main(int argc, char **argv) {
    /* argv: --editor BUNDLE_DIR OUT_DIR NO_EDITOR_BUNDLE_DIR TEST_CLASSES LOG_PATH */
    snprintf(bundle_dir, sizeof bundle_dir, "%s", argv[2]);
    snprintf(out_dir, sizeof out_dir, "%s", argv[3]);
    x_display = XOpenDisplay(NULL);
    if (!x_display) {
        report(0, "editor: open the X display", getenv("DISPLAY"));
        return 1;
    }
    XSetErrorHandler(ignore_x_error);
    XCloseDisplay(x_display);
    x_display = NULL;
    if (argc >= 7) test_editor_without_export(argv[5], argv[6]); /* first: fork only while this process has no JVM */
    x_display = open_display_patiently();
    if (!x_display) {
        report(0, "editor: open the X display again", getenv("DISPLAY"));
        return 1;
    }
    test_editor(argc >= 5 ? argv[4] : NULL);
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
#else
static int editor_main(int argc, char **argv) {
    (void)argc; (void)argv;
    printf("SKIP: editor tests: test_host was built without Xlib headers (apt-get install libx11-dev)\n");
    return 0;
}
#endif

int main(int argc, char **argv) {
    if (argc >= 4 && strcmp(argv[1], "--editor") == 0) {
        return editor_main(argc, argv);
    }
    if (argc >= 5 && strcmp(argv[1], "--render") == 0) {
        return render(argv[2], argv[3], argv[4], argc >= 6 ? atof(argv[5]) : 48000, argc >= 7 ? atoi(argv[6]) : 1024);
    }
    if (argc >= 3 && strcmp(argv[1], "--bench") == 0) {
        return bench(argv[2], argc >= 4 ? atol(argv[3]) : 1000000);
    }
    if (argc < 2) {
        fprintf(stderr, "usage: test_host BUNDLE_DIR [BROKEN_BUNDLE_DIR] | --bench BUNDLE_DIR [CALLS]\n");
        return 2;
    }
    snprintf(bundle_dir, sizeof bundle_dir, "%s", argv[1]);
    if (argc >= 3) test_refusal(argv[2]); /* first: fork only while this process has no JVM */
    if (argc >= 4) test_join_existing_jvm(argv[3]);
    test_load();
    test_lifecycle(&mono, 1);
    test_lifecycle(&stereo, 2);
    test_partitions(&mono, 1);
    test_partitions(&stereo, 2);
    test_double_precision();
    test_null_channels();
    test_automation();
    test_parameter_effect();
    test_latency();
    test_rates();
    test_chunks();
    test_many_instances();
    test_many_calls();
    test_unload_reload();
    test_no_display_no_editor();
    printf("%d passed, %d failed\n", passed, failed);
    return failed ? 1 : 0;
}
